package dev.charms.reactive.refresh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The texts operators read, word for word. */
class MessagesTest {
    private static final RollbackCommand ROLLBACK = RollbackCommand.to("kv", CharmCode.of("1/1.0.0", 1));

    @Test
    void preRefreshCheckResultHasThreeParagraphs() {
        assertThat(Messages.ready("kv-store", "1/1.0.0", ROLLBACK, PauseAfterUnitRefresh.FIRST)).isEqualTo(
                "Charm is ready for refresh. For refresh instructions, see"
                        + " https://charmhub.io/kv-store/docs/refresh/1/1.0.0\n\n"
                        + "After the refresh has started, use this command to rollback:\n"
                        + "`juju refresh kv --revision 1`\n\n"
                        + "The refresh will pause for your manual confirmation after the first unit refreshes. To"
                        + " change this, set the `pause-after-unit-refresh` config option. Run `juju config kv` for"
                        + " more information");
    }

    @Test
    void preRefreshCheckSaysWhatEachPauseValueWillDo() {
        assertThat(Messages.ready("kv-store", "1/1.0.0", ROLLBACK, PauseAfterUnitRefresh.ALL))
                .contains("\n\nThe refresh will pause for your manual confirmation after each unit refreshes. To");
        assertThat(Messages.ready("kv-store", "1/1.0.0", ROLLBACK, PauseAfterUnitRefresh.INVALID))
                .contains("\n\nThe refresh will pause for your manual confirmation after each unit refreshes. To");
        assertThat(Messages.ready("kv-store", "1/1.0.0", ROLLBACK, PauseAfterUnitRefresh.NONE))
                .contains("\n\nThe refresh will not pause for your manual confirmation. To");
    }

    @Test
    void actionTextsFollowCharmRefresh() {
        assertThat(Messages.mustRunOnLeader("kv", "pre-refresh-check"))
                .isEqualTo("Must run action on leader unit. (e.g. `juju run kv/leader pre-refresh-check`)");
        assertThat(Messages.mustRunOnUnit(2)).isEqualTo("Must run action on unit 2");
        assertThat(Messages.unhealthy(2)).isEqualTo("Unit 2 is unhealthy. Refresh will not resume.");
        assertThat(Messages.notReady("No backup")).isEqualTo(
                "Charm is not ready for refresh. Pre-refresh check failed: No backup");
        assertThat(Messages.DETERMINING_ACTION).isEqualTo(
                "Determining if a refresh is in progress. Check `juju status` and consider retrying this action");
        assertThat(Messages.FORCE_NEEDS_A_FALSE).isEqualTo("Must run with at least one of `check-compatibility`,"
                + " `run-pre-refresh-checks`, or `check-workload-container` parameters `=false`");
        assertThat(Messages.RESUME_NOT_APPLICABLE).isEqualTo(
                "`pause-after-unit-refresh` config is set to `none`. This action is not applicable.");
        assertThat(Messages.compatibilityChecked("kv-store", true))
                .isEqualTo("Skipping check for compatibility with previous kv-store version and charm revision");
        assertThat(Messages.compatibilityChecked("kv-store", false)).isEqualTo("Checked that refresh from previous"
                + " kv-store version and charm revision to current versions is compatible");
        assertThat(Messages.forcePrecheckFailed("No backup"))
                .isEqualTo("Pre-refresh check failed: No backup. Rollback with `juju refresh`");
        assertThat(Messages.startedButFailed(2)).isEqualTo(
                "Refresh started. Failed to refresh unit 2. Unit 2 will retry refresh on the next Juju event");
        assertThat(Messages.resumedRefreshed(1)).isEqualTo("Refresh resumed. Unit 1 has refreshed");
    }

    @Test
    void theIncompatibleLogLineSaysWhyHowToRollBackAndHowToForce() {
        assertThat(Messages.incompatibleLog(ROLLBACK, "charm track changes from 1 to 2")).isEqualTo(
                "Refresh incompatible (charm track changes from 1 to 2). Rollback with `juju refresh kv --revision 1`."
                        + " Continuing this refresh may cause data loss and/or downtime. The refresh can be forced to"
                        + " continue with the `force-refresh-start` action and the `check-compatibility` parameter."
                        + " Run `juju show-action kv force-refresh-start` for more information");
    }
}
