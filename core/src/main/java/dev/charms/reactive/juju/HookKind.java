package dev.charms.reactive.juju;

/**
 * What kind of event a hook is, from its name (Juju's {@code hooks/hooks.go}). Unit hooks have a fixed name;
 * relation, storage and workload hooks are named after their endpoint, storage or container and end with
 * a fixed suffix ({@code db-relation-joined}); actions come through {@code actions/<name>}. A name Juju may
 * add later is {@link #OTHER}, so a newer Juju never breaks a charm.
 */
public enum HookKind {
    INSTALL("install", ""),
    START("start", ""),
    CONFIG_CHANGED("config-changed", ""),
    UPGRADE_CHARM("upgrade-charm", ""),
    STOP("stop", ""),
    REMOVE("remove", ""),
    UPDATE_STATUS("update-status", ""),
    LEADER_ELECTED("leader-elected", ""),
    LEADER_SETTINGS_CHANGED("leader-settings-changed", ""),
    /** Declared by Juju but never fired. */
    LEADER_DEPOSED("leader-deposed", ""),
    /** Deprecated; no longer fired by current Juju. Runs in a restricted context. */
    COLLECT_METRICS("collect-metrics", ""),
    /** Deprecated. Runs in a restricted context. */
    METER_STATUS_CHANGED("meter-status-changed", ""),
    PRE_SERIES_UPGRADE("pre-series-upgrade", ""),
    POST_SERIES_UPGRADE("post-series-upgrade", ""),
    SECRET_CHANGED("secret-changed", ""),
    SECRET_EXPIRED("secret-expired", ""),
    SECRET_REMOVE("secret-remove", ""),
    SECRET_ROTATE("secret-rotate", ""),
    RELATION_CREATED("", "-relation-created"),
    RELATION_JOINED("", "-relation-joined"),
    RELATION_CHANGED("", "-relation-changed"),
    RELATION_DEPARTED("", "-relation-departed"),
    RELATION_BROKEN("", "-relation-broken"),
    STORAGE_ATTACHED("", "-storage-attached"),
    STORAGE_DETACHING("", "-storage-detaching"),
    PEBBLE_READY("", "-pebble-ready"),
    PEBBLE_CUSTOM_NOTICE("", "-pebble-custom-notice"),
    PEBBLE_CHANGE_UPDATED("", "-pebble-change-updated"),
    PEBBLE_CHECK_FAILED("", "-pebble-check-failed"),
    PEBBLE_CHECK_RECOVERED("", "-pebble-check-recovered"),
    /** An action, dispatched as {@code actions/<name>}. */
    ACTION("", ""),
    /** A hook name this version does not know. */
    OTHER("", "");

    private final String fixedName;
    private final String suffix;

    HookKind(String fixedName, String suffix) {
        this.fixedName = fixedName;
        this.suffix = suffix;
    }

    /** The hook's name for a unit hook ({@code config-changed}), else empty. */
    public String fixedName() {
        return fixedName;
    }

    /** The suffix after the subject for a per-endpoint, storage or container hook ({@code -relation-joined}), else empty. */
    public String suffix() {
        return suffix;
    }

    /** True for the five {@code <endpoint>-relation-*} kinds. */
    public boolean isRelation() {
        return suffix.startsWith("-relation-");
    }

    /** True for the {@code <storage>-storage-*} kinds. */
    public boolean isStorage() {
        return suffix.startsWith("-storage-");
    }

    /** True for the {@code <container>-pebble-*} kinds. */
    public boolean isWorkload() {
        return suffix.startsWith("-pebble-");
    }
}
