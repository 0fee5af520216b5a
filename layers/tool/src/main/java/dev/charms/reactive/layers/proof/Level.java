package dev.charms.reactive.layers.proof;

import java.util.Collection;

/** How bad a finding is, worst first; shared by proof and lint. */
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

    /** {@code 1 error, 2 warnings, 0 infos}: how many of {@code levels} are of each level. */
    public static String summary(Collection<Level> levels) {
        return plural(levels, ERROR, "error") + ", " + plural(levels, WARNING, "warning") + ", "
                + plural(levels, INFO, "info");
    }

    private static String plural(Collection<Level> levels, Level level, String noun) {
        long count = levels.stream().filter(l -> l == level).count();
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
