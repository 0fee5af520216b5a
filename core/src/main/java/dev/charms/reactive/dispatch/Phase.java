package dev.charms.reactive.dispatch;

/** The phases of one dispatch. */
public enum Phase {
    /** {@code collect-metrics} and {@code meter-status-changed}: only restricted handlers run. */
    RESTRICTED("restricted"),
    /**
     * Handlers whose {@code @Hook} pattern matches the hook, before any flag handler; in an action, the
     * action's {@code @Action} handlers instead.
     */
    HOOKS("hooks"),
    /** The flag loop: {@code @When*} handlers, iteration by iteration. */
    OTHER("other");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The name charms.reactive uses: {@code restricted}, {@code hooks} or {@code other}. */
    public String label() {
        return label;
    }
}
