package dev.charms.reactive.refresh.internal;

import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.ALL;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.FIRST;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.NONE;
import static dev.charms.reactive.refresh.internal.RefreshViewTest.onRevision1;
import static dev.charms.reactive.refresh.internal.RefreshViewTest.outdated;
import static dev.charms.reactive.refresh.internal.RefreshViewTest.refreshed;
import static dev.charms.reactive.refresh.internal.RefreshViewTest.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every refusal of the three actions, and the order in which they are checked. */
class ActionRefusalsTest {
    private static final RefreshView IDLE = view("kv/2", FIRST, refreshed(true), refreshed(true), refreshed(true));
    private static final RefreshView UNKNOWN = view("kv/2", FIRST, refreshed(true), Optional.empty(),
            outdated(false));
    private static final RefreshView NOT_STARTED = view("kv/2", FIRST, outdated(false), outdated(false),
            outdated(false));
    private static final String DETERMINING = "Determining if a refresh is in progress. Check `juju status` and"
            + " consider retrying this action";

    @Test
    void preRefreshCheckRunsOnlyOnTheLeaderOfAnApplicationNotRefreshing() {
        assertThat(ActionRefusals.preRefreshCheck(IDLE, false, true))
                .contains("Must run action on leader unit. (e.g. `juju run kv/leader pre-refresh-check`)");
        assertThat(ActionRefusals.preRefreshCheck(IDLE, true, true)).contains("Unit tearing down");
        assertThat(ActionRefusals.preRefreshCheck(UNKNOWN, true, false)).contains(DETERMINING);
        assertThat(ActionRefusals.preRefreshCheck(NOT_STARTED, true, false)).contains("Refresh already in progress");
        assertThat(ActionRefusals.preRefreshCheck(IDLE, true, false)).isEmpty();
    }

    @Test
    void forceRefreshStartRefusesInTheReferenceOrder() {
        RefreshView onUnit1 = view("kv/1", FIRST, outdated(false), outdated(false), outdated(false));
        assertThat(ActionRefusals.forceRefreshStart(NOT_STARTED, true, true, true)).contains("Unit tearing down");
        assertThat(ActionRefusals.forceRefreshStart(onUnit1, false, true, true)).contains("Must run action on unit 2");
        assertThat(ActionRefusals.forceRefreshStart(IDLE, false, true, true)).contains("No refresh in progress");
        assertThat(ActionRefusals.forceRefreshStart(UNKNOWN, false, true, true)).contains(DETERMINING);
        assertThat(ActionRefusals.forceRefreshStart(NOT_STARTED, false, true, true)).contains("Must run with at least"
                + " one of `check-compatibility`, `run-pre-refresh-checks`, or `check-workload-container` parameters"
                + " `=false`");
        assertThat(ActionRefusals.forceRefreshStart(NOT_STARTED, false, false, true)).contains("This unit is waiting"
                + " for a Juju upgrade-charm or config-changed event. See `juju debug-log`");
        RefreshView started = view("kv/2", FIRST, outdated(false), outdated(false), refreshed(true));
        assertThat(ActionRefusals.forceRefreshStart(started, false, false, false)).contains("Unit 2 already refreshed");
        assertThat(ActionRefusals.forceRefreshStart(NOT_STARTED, false, false, false)).isEmpty();
    }

    @Test
    void resumeRefreshNeedsARefreshInProgressAndAUnitStayingInTheApplication() {
        assertThat(ActionRefusals.resumeRefreshAtAll(NOT_STARTED, true)).contains("Unit tearing down");
        assertThat(ActionRefusals.resumeRefreshAtAll(IDLE, false)).contains("No refresh in progress");
        assertThat(ActionRefusals.resumeRefreshAtAll(UNKNOWN, false)).contains(DETERMINING);
        assertThat(ActionRefusals.resumeRefreshAtAll(NOT_STARTED, false)).isEmpty();
    }

    @Test
    void resumeRefreshCheckingHealthRunsOnTheNextUnitWhenItWaitsForIt() {
        assertThat(ActionRefusals.resumeRefresh(view("kv/1", NONE, outdated(true), outdated(true), refreshed(true)),
                true)).contains("`pause-after-unit-refresh` config is set to `none`. This action is not applicable.");
        assertThat(ActionRefusals.resumeRefresh(view("kv/0", FIRST, outdated(true), outdated(true), refreshed(true)),
                true)).contains("Must run action on unit 1");
        assertThat(ActionRefusals.resumeRefresh(view("kv/2", FIRST, outdated(false), outdated(false),
                outdated(false)), true)).contains("Unit 2 is unhealthy. Refresh will not resume.");
        assertThat(ActionRefusals.resumeRefresh(view("kv/1", FIRST, outdated(true), outdated(true), refreshed(false)),
                true)).contains("Unit 2 is unhealthy. Refresh will not resume.");
        assertThat(ActionRefusals.resumeRefresh(view("kv/1", FIRST, outdated(true), outdated(true), refreshed(true)),
                true)).isEmpty();
        assertThat(ActionRefusals.resumeRefresh(view("kv/1", ALL, outdated(true), outdated(true), refreshed(true)),
                true)).isEmpty();
    }

    @Test
    void resumeRefreshOnAUnitThatRefreshesOnItsOwnSaysItIsRefreshing() {
        RefreshView thirdWithFirst = view("kv/0", FIRST, outdated(true), refreshed(true), refreshed(true));
        assertThat(ActionRefusals.resumeRefresh(thirdWithFirst, true)).contains("Unit is currently refreshing");
        RefreshView onlyCodeOutdated = view("kv/0", FIRST, refreshed(true), refreshed(true), onRevision1()
                .map(r -> r.withWorkloadVersion(Optional.of("1.1.0"))));
        assertThat(ActionRefusals.resumeRefresh(onlyCodeOutdated, true)).contains("Unit is currently refreshing");
    }

    @Test
    void resumeRefreshIgnoringHealthRefreshesAnyUnitNotRefreshedYet() {
        RefreshView unhealthy = view("kv/0", FIRST, outdated(true), outdated(true), refreshed(false));
        assertThat(ActionRefusals.resumeRefresh(unhealthy, false)).isEmpty();
        RefreshView onUnit2 = view("kv/2", FIRST, outdated(true), outdated(true), refreshed(false));
        assertThat(ActionRefusals.resumeRefresh(onUnit2, false)).contains("Unit already refreshed");
    }
}
