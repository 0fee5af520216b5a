package dev.charms.reactive.layers.proof;

/** How bad a finding is, worst first. */
public enum Level {
    /** Juju would reject the charm, or it cannot work. */
    ERROR("E"),
    /** Juju accepts it, but it is likely a mistake or deprecated. */
    WARNING("W"),
    /** Worth knowing; nothing to fix. */
    INFO("I");

    private final String letter;

    Level(String letter) {
        this.letter = letter;
    }

    /** The one-letter prefix of the finding's line: {@code E}, {@code W} or {@code I}. */
    public String letter() {
        return letter;
    }
}
