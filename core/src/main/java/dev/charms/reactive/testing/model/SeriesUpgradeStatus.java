package dev.charms.reactive.testing.model;

/** The states a machine's series upgrade goes through, in order, as Juju names them (upgrade-series status). */
public enum SeriesUpgradeStatus {
    NOT_STARTED("not started"),
    PREPARE_STARTED("prepare started"),
    PREPARE_RUNNING("prepare running"),
    PREPARE_COMPLETED("prepare completed"),
    COMPLETE_STARTED("complete started"),
    COMPLETE_RUNNING("complete running"),
    COMPLETED("completed");

    private final String jujuName;

    SeriesUpgradeStatus(String jujuName) {
        this.jujuName = jujuName;
    }

    /** The name Juju shows, e.g. {@code prepare completed}. */
    @Override
    public String toString() {
        return jujuName;
    }
}
