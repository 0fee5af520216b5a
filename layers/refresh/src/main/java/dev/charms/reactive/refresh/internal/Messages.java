package dev.charms.reactive.refresh.internal;

/**
 * Every text the refresh layer shows an operator: statuses, action failures, action results and log lines. They
 * follow the wording of charm-refresh on machines, so operators and tests see the same words; where a text names a
 * snap, here it names the workload. Unit numbers stand for units, as there.
 */
public final class Messages {
    /** Application status (blocked) while {@code pause-after-unit-refresh} has another value. */
    public static final String INVALID_PAUSE_OPTION =
            "pause-after-unit-refresh config must be set to \"all\", \"first\", or \"none\"";
    /** Application status (maintenance), and the start of the action failure, while the state is unknown. */
    public static final String DETERMINING = "Determining if a refresh is in progress";
    /** Action failure while the state is unknown. */
    public static final String DETERMINING_ACTION = DETERMINING + ". Check `juju status` and consider retrying this"
            + " action";
    /** Action failure: no refresh in progress. */
    public static final String NO_REFRESH = "No refresh in progress";
    /** Action failure: {@code pre-refresh-check} during a refresh. */
    public static final String ALREADY_IN_PROGRESS = "Refresh already in progress";
    /** Action failure on a unit that is being removed. */
    public static final String TEARING_DOWN = "Unit tearing down";
    /** Action failure: {@code force-refresh-start} with every check on. */
    public static final String FORCE_NEEDS_A_FALSE = "Must run with at least one of `check-compatibility`,"
            + " `run-pre-refresh-checks`, or `check-workload-container` parameters `=false`";
    /** Action failure: the unit has new charm code but has not run an event with it yet. */
    public static final String CHARM_CODE_OUTDATED = "This unit is waiting for a Juju upgrade-charm or config-changed"
            + " event. See `juju debug-log`";
    /** Action failure: {@code resume-refresh} with {@code pause-after-unit-refresh=none}. */
    public static final String RESUME_NOT_APPLICABLE = "`pause-after-unit-refresh` config is set to `none`. This"
            + " action is not applicable.";
    /** Action failure: {@code resume-refresh} on a unit that refreshes on its own. */
    public static final String CURRENTLY_REFRESHING = "Unit is currently refreshing";
    /** Action failure: {@code resume-refresh} ignoring health on a unit that is up to date. */
    public static final String ALREADY_REFRESHED = "Unit already refreshed";
    /** Action result: {@code force-refresh-start} on a first unit already up to date. */
    public static final String REFRESH_STARTED = "Refresh started";
    /** Action log line: {@code resume-refresh} ignoring health. */
    public static final String IGNORING_HEALTH = "Ignoring health of refreshed units";
    /** Action log line: {@code force-refresh-start} runs the pre-refresh checks. */
    public static final String RUNNING_PRECHECKS = "Running pre-refresh checks";
    /** Action log line: the pre-refresh checks passed. */
    public static final String PRECHECKS_PASSED = "Pre-refresh checks successful";
    /** Action log line: {@code force-refresh-start} skips the pre-refresh checks. */
    public static final String SKIPPING_PRECHECKS = "Skipping pre-refresh checks";
    /** Log line: a rollback skips the automatic checks. */
    public static final String ROLLBACK_DETECTED = "Rollback detected. Skipping automatic checks: the refresh is"
            + " started";

    private Messages() {
    }

    /** Application status (blocked): an incompatible refresh not forced. */
    public static String incompatible(RollbackCommand rollback) {
        return "Refresh incompatible. Rollback with `" + rollback.inStatus() + "`";
    }

    /** The log line saying why a refresh is incompatible and how to go on. */
    public static String incompatibleLog(RollbackCommand rollback, String reason) {
        return "Refresh incompatible (" + reason + "). Rollback with `" + rollback.full() + "`. Continuing this"
                + " refresh may cause data loss and/or downtime. The refresh can be forced to continue with the"
                + " `force-refresh-start` action and the `check-compatibility` parameter. Run `juju show-action "
                + rollback.application() + " force-refresh-start` for more information";
    }

    /** Application status (maintenance): a refresh of one unit, or of the first unit. */
    public static String refreshing(RollbackCommand rollback) {
        return "Refreshing. To rollback, `" + rollback.inStatus() + "`";
    }

    /** Application status (blocked): the refresh waits for {@code resume-refresh} on unit {@code next}. */
    public static String paused(int before, int next, RollbackCommand rollback) {
        return "Refreshing. Check units >=" + before + " are healthy & run `resume-refresh` on unit " + next
                + ". To rollback, `" + rollback.inStatus() + "`";
    }

    /** Application status (maintenance): a refresh that goes on by itself. */
    public static String notPausing(String application) {
        return "Refreshing. To pause refresh, run `juju config " + application + " pause-after-unit-refresh=all`";
    }

    /** Unit status (blocked) of the first unit whose pre-refresh check failed. */
    public static String precheckFailedStatus(String message) {
        return "Rollback with `juju refresh`. Pre-refresh check failed: " + message;
    }

    /** Unit status (active) during a refresh: {@code kv-store 1.0.0 running (outdated); Charm revision 2}. */
    public static String running(String workload, String version, boolean outdated, CharmCode code) {
        return workload + " " + version + " running" + (outdated ? " (outdated)" : "") + "; " + code.describe();
    }

    /** Action failure: run the action on the leader. */
    public static String mustRunOnLeader(String application, String action) {
        return "Must run action on leader unit. (e.g. `juju run " + application + "/leader " + action + "`)";
    }

    /** Action failure: run the action on unit {@code number}. */
    public static String mustRunOnUnit(int number) {
        return "Must run action on unit " + number;
    }

    /** Action failure: {@code force-refresh-start} after the refresh started. */
    public static String unitAlreadyRefreshed(int number) {
        return "Unit " + number + " already refreshed";
    }

    /** Action failure: {@code resume-refresh} while unit {@code number} does not allow the next one. */
    public static String unhealthy(int number) {
        return "Unit " + number + " is unhealthy. Refresh will not resume.";
    }

    /** Action failure: {@code pre-refresh-check} failed. */
    public static String notReady(String message) {
        return "Charm is not ready for refresh. Pre-refresh check failed: " + message;
    }

    /**
     * Result of a successful {@code pre-refresh-check}: where the instructions are, the rollback command, and what the
     * pause option will do.
     */
    public static String ready(String charm, String charmVersion, RollbackCommand rollback,
            PauseAfterUnitRefresh pause) {
        String pausing = switch (pause) {
            case ALL, INVALID -> "The refresh will pause for your manual confirmation after each unit refreshes";
            case FIRST -> "The refresh will pause for your manual confirmation after the first unit refreshes";
            case NONE -> "The refresh will not pause for your manual confirmation";
        };
        return "Charm is ready for refresh. For refresh instructions, see https://charmhub.io/" + charm
                + "/docs/refresh/" + charmVersion + "\n\n"
                + "After the refresh has started, use this command to rollback:\n`" + rollback.full() + "`\n\n"
                + pausing + ". To change this, set the `pause-after-unit-refresh` config option. Run `juju config "
                + rollback.application() + "` for more information";
    }

    /** Action log line of {@code force-refresh-start}: the compatibility check, skipped or passed. */
    public static String compatibilityChecked(String workload, boolean skipped) {
        return skipped ? "Skipping check for compatibility with previous " + workload + " version and charm revision"
                : "Checked that refresh from previous " + workload + " version and charm revision to current versions"
                        + " is compatible";
    }

    /** Action failure of {@code force-refresh-start}: incompatible. */
    public static String forceIncompatible() {
        return "Refresh incompatible. Rollback with `juju refresh`";
    }

    /** Action failure of {@code force-refresh-start}: a pre-refresh check failed. */
    public static String forcePrecheckFailed(String message) {
        return "Pre-refresh check failed: " + message + ". Rollback with `juju refresh`";
    }

    /** Action log line: unit {@code number} refreshes now. */
    public static String refreshingUnit(int number) {
        return "Refreshing unit " + number;
    }

    /** Action result: unit {@code number} refreshed. */
    public static String refreshedUnit(int number) {
        return "Refreshed unit " + number;
    }

    /** Action log line of {@code resume-refresh} with {@code pause-after-unit-refresh=first}. */
    public static String resumedRefreshing(int number) {
        return "Refresh resumed. Refreshing unit " + number;
    }

    /** Action result of {@code resume-refresh} with {@code pause-after-unit-refresh=first}. */
    public static String resumedRefreshed(int number) {
        return "Refresh resumed. Unit " + number + " has refreshed";
    }

    /** Action result of {@code force-refresh-start} when the unit's own refresh failed. */
    public static String startedButFailed(int number) {
        return "Refresh started. Failed to refresh unit " + number + ". Unit " + number
                + " will retry refresh on the next Juju event";
    }

    /** Action failure of {@code resume-refresh} when the unit's refresh failed. */
    public static String refreshFailed(String workload) {
        return "Failed to refresh " + workload + ". Check the error message in `juju debug-log` and then consider"
                + " retrying this action";
    }
}
