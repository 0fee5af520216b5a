package dev.charms.reactive.refresh.internal;

import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.ALL;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.FIRST;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.INVALID;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.refresh.RefreshWorkload;
import dev.charms.reactive.refresh.internal.RefreshView.State;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The refresh state machine, with a refresh of application kv from charm revision 1 (kv-store 1.0.0) to revision 2
 * (kv-store 1.1.0) seen by units running revision 2.
 */
class RefreshViewTest {
    static final CharmCode V1 = CharmCode.of("1/1.0.0", 1);
    static final CharmCode V2 = CharmCode.of("1/1.1.0", 2);
    static final Originals ORIGINALS = new Originals(V1, "1.0.0");

    /** A unit still on revision 1, healthy. */
    static Optional<UnitRecord> onRevision1() {
        return Optional.of(new UnitRecord(V1, Optional.of("1.0.0"), Optional.of("1.0.0"), Optional.empty()));
    }

    /** A unit that runs revision 2's code with kv-store 1.0.0, knowing the refresh started or not. */
    static Optional<UnitRecord> outdated(boolean knowsStarted) {
        return Optional.of(new UnitRecord(V2, Optional.of("1.0.0"), Optional.of("1.0.0"),
                knowsStarted ? Optional.of(V2.identity()) : Optional.empty()));
    }

    /** A unit refreshed to kv-store 1.1.0, healthy or not yet. */
    static Optional<UnitRecord> refreshed(boolean healthy) {
        return Optional.of(new UnitRecord(V2, Optional.of("1.1.0"), healthy ? Optional.of("1.1.0") : Optional.empty(),
                Optional.of(V2.identity())));
    }

    /** Units kv/0 .. kv/n-1 with these records, seen from {@code self}, refreshing to revision 2. */
    @SafeVarargs
    static RefreshView view(String self, PauseAfterUnitRefresh pause, Optional<UnitRecord>... records) {
        Map<String, Optional<UnitRecord>> units = new LinkedHashMap<>();
        for (int i = 0; i < records.length; i++) {
            units.put("kv/" + i, records[i]);
        }
        return view(self, pause, V2, "1.1.0", units);
    }

    static RefreshView view(String self, PauseAfterUnitRefresh pause, CharmCode code, String workload,
            Map<String, Optional<UnitRecord>> units) {
        Optional<Originals> originals = Optional.of(ORIGINALS);
        return new RefreshView(self, code, workload, units, originals, pause,
                Compatibility.of(originals, code, workload, RefreshWorkload::minorUpgrade));
    }

    @Test
    void theOrderIsTheHighestUnitNumberFirstComparingNumbersNotText() {
        RefreshView view = new RefreshView("kv/2", V2, "1.1.0", Map.of("kv/2", outdated(false), "kv/10",
                outdated(false), "kv/9", outdated(false)), Optional.of(ORIGINALS), FIRST, Compatibility.yes());
        assertThat(view.order()).containsExactly("kv/10", "kv/9", "kv/2");
        assertThat(view.firstUnit()).isEqualTo("kv/10");
        assertThat(view.index("kv/2")).isEqualTo(2);
    }

    @Test
    void noRefreshIsInProgressWhenEveryUnitRunsThisCodeAndItsWorkloadOrIsStillInstalling() {
        Optional<UnitRecord> installing = Optional.of(new UnitRecord(V2, Optional.empty(), Optional.empty(),
                Optional.empty()));
        RefreshView view = view("kv/0", FIRST, refreshed(true), refreshed(true), installing);
        assertThat(view.state()).isEqualTo(State.IDLE);
        assertThat(view.inProgress()).isFalse();
        assertThat(view.applicationStatus()).isEmpty();
        assertThat(view.unitStatus("kv-store", Optional.empty(), Optional.empty()))
                .isEqualTo(new StatusValue("active", "kv-store 1.1.0 running; Charm revision 2"));
    }

    @Test
    void aUnitWhoseDataIsNotKnownMakesTheStateUnknown() {
        RefreshView view = view("kv/0", FIRST, refreshed(true), Optional.empty());
        assertThat(view.state()).isEqualTo(State.UNKNOWN);
        assertThat(view.inProgress()).isTrue();
        assertThat(view.rollback()).isFalse();
        assertThat(view.applicationStatus())
                .contains(new StatusValue("maintenance", "Determining if a refresh is in progress"));
    }

    @Test
    void afterJujuRefreshTheRefreshIsInProgressButNotStarted() {
        RefreshView view = view("kv/0", FIRST, outdated(false), outdated(false), onRevision1());
        assertThat(view.state()).isEqualTo(State.NOT_STARTED);
        assertThat(view.firstUnit()).isEqualTo("kv/2");
        assertThat(view.refreshesAutomatically("kv/2")).isFalse();
    }

    @Test
    void theRefreshIsStartedOnceAUnitOnThisCodeSaysSo() {
        assertThat(view("kv/0", FIRST, outdated(false), outdated(false), outdated(true)).state())
                .isEqualTo(State.STARTED);
        Optional<UnitRecord> staleStart = Optional.of(new UnitRecord(V1, Optional.of("1.0.0"), Optional.empty(),
                Optional.of(V2.identity())));
        assertThat(view("kv/0", FIRST, outdated(false), staleStart).state()).isEqualTo(State.NOT_STARTED);
    }

    @Test
    void aStartForAnotherCodeDoesNotCount() {
        Optional<UnitRecord> startedForV3 = Optional.of(new UnitRecord(V2, Optional.of("1.0.0"), Optional.empty(),
                Optional.of("1/1.2.0@3")));
        assertThat(view("kv/0", FIRST, outdated(false), startedForV3).state()).isEqualTo(State.NOT_STARTED);
    }

    @Test
    void theFirstUnitRefreshesAsSoonAsTheRefreshIsStartedWhateverThePauseOption() {
        for (PauseAfterUnitRefresh pause : PauseAfterUnitRefresh.values()) {
            RefreshView view = view("kv/2", pause, outdated(false), outdated(false), outdated(true));
            assertThat(view.refreshesAutomatically("kv/2")).as("pause %s", pause).isTrue();
            assertThat(view.refreshesAutomatically("kv/1")).as("pause %s", pause).isFalse();
        }
    }

    @Test
    void withFirstOnlyTheSecondUnitWaitsForResume() {
        RefreshView afterFirst = view("kv/1", FIRST, outdated(false), outdated(true), refreshed(true));
        assertThat(afterFirst.nextUnit()).contains("kv/1");
        assertThat(afterFirst.refreshesAutomatically("kv/1")).isFalse();
        RefreshView afterSecond = view("kv/0", FIRST, outdated(true), refreshed(true), refreshed(true));
        assertThat(afterSecond.refreshesAutomatically("kv/0")).isTrue();
    }

    @Test
    void withAllEveryUnitAfterTheFirstWaitsAndAnInvalidValueGatesLikeAll() {
        for (PauseAfterUnitRefresh pause : new PauseAfterUnitRefresh[] {ALL, INVALID}) {
            assertThat(view("kv/1", pause, outdated(true), outdated(true), refreshed(true))
                    .refreshesAutomatically("kv/1")).isFalse();
            assertThat(view("kv/0", pause, outdated(true), refreshed(true), refreshed(true))
                    .refreshesAutomatically("kv/0")).isFalse();
        }
    }

    @Test
    void withNoneEveryUnitFollowsOnItsOwn() {
        assertThat(view("kv/1", NONE, outdated(true), outdated(true), refreshed(true))
                .refreshesAutomatically("kv/1")).isTrue();
    }

    @Test
    void anUnhealthyRefreshedUnitStopsTheNextWhateverThePauseOption() {
        for (PauseAfterUnitRefresh pause : PauseAfterUnitRefresh.values()) {
            RefreshView view = view("kv/1", pause, outdated(true), outdated(true), refreshed(false));
            assertThat(view.refreshesAutomatically("kv/1")).isFalse();
            assertThat(view.firstUnhealthyBefore("kv/1")).contains("kv/2");
            assertThat(view.firstUnhealthyBefore("kv/0")).contains("kv/2");
        }
    }

    @Test
    void onlyOneUnitEverRefreshesAtATimeAndItIsTheNextOne() {
        RefreshView view = view("kv/0", NONE, outdated(true), outdated(true), refreshed(true));
        assertThat(view.nextUnit()).contains("kv/1");
        assertThat(view.refreshesAutomatically("kv/1")).isTrue();
        assertThat(view.refreshesAutomatically("kv/0")).isFalse();
    }

    @Test
    void changingTheOptionMidwayTakesEffectForTheNextUnit() {
        // The documentation's example: units 3 and 2 on the new version, 1 and 0 not; all becomes first.
        RefreshView all = view("kv/1", ALL, outdated(true), outdated(true), refreshed(true), refreshed(true));
        RefreshView first = view("kv/1", FIRST, outdated(true), outdated(true), refreshed(true), refreshed(true));
        assertThat(all.refreshesAutomatically("kv/1")).isFalse();
        assertThat(first.refreshesAutomatically("kv/1")).isTrue();
        assertThat(first.refreshesAutomatically("kv/0")).isFalse();
    }

    @Test
    void goingBackToTheOriginalVersionsIsARollbackStartedAtOnceFromTheHighestUnit() {
        // Units 3 and 2 were refreshed to revision 2; now revision 1 is back on every unit.
        Optional<UnitRecord> onNew = Optional.of(new UnitRecord(V1, Optional.of("1.1.0"), Optional.of("1.1.0"),
                Optional.empty()));
        Optional<UnitRecord> onOld = onRevision1();
        Map<String, Optional<UnitRecord>> units = Map.of("kv/0", onOld, "kv/1", onOld, "kv/2", onNew, "kv/3", onNew);
        RefreshView unit3 = view("kv/3", FIRST, V1, "1.0.0", units);
        assertThat(unit3.rollback()).isTrue();
        assertThat(unit3.state()).isEqualTo(State.STARTED);
        assertThat(unit3.nextUnit()).contains("kv/3");
        assertThat(unit3.refreshesAutomatically("kv/3")).isTrue();
        Map<String, Optional<UnitRecord>> afterUnit3 = new LinkedHashMap<>(units);
        afterUnit3.put("kv/3", onOld);
        RefreshView unit2 = view("kv/2", FIRST, V1, "1.0.0", afterUnit3);
        assertThat(unit2.refreshesAutomatically("kv/2")).as("the second unit waits for resume-refresh").isFalse();
        assertThat(unit2.rollbackCommand().inStatus()).isEqualTo("juju refresh --revision 1");
    }

    @Test
    void aRefreshElsewhereIsNotARollback() {
        assertThat(view("kv/0", FIRST, outdated(false), onRevision1()).rollback()).isFalse();
    }

    @Test
    void theApplicationStatusSaysAnInvalidOptionFirstEvenWithoutARefresh() {
        RefreshView idle = view("kv/0", INVALID, refreshed(true));
        assertThat(idle.applicationStatus()).contains(new StatusValue("blocked",
                "pause-after-unit-refresh config must be set to \"all\", \"first\", or \"none\""));
    }

    @Test
    void anIncompatibleRefreshBlocksWithTheRollbackCommand() {
        Map<String, Optional<UnitRecord>> units = Map.of("kv/0", outdated(false), "kv/1", outdated(false));
        RefreshView view = new RefreshView("kv/0", V2, "1.1.0", units, Optional.of(ORIGINALS), FIRST,
                Compatibility.no("charm major version changes from 1 to 2"));
        assertThat(view.applicationStatus()).contains(new StatusValue("blocked",
                "Refresh incompatible. Rollback with `juju refresh --revision 1`"));
    }

    @Test
    void aPausedRefreshNamesTheUnitsToCheckAndTheUnitToResumeOn() {
        RefreshView view = view("kv/0", FIRST, outdated(true), outdated(true), refreshed(true));
        assertThat(view.applicationStatus()).contains(new StatusValue("blocked", "Refreshing. Check units >=2 are"
                + " healthy & run `resume-refresh` on unit 1. To rollback, `juju refresh --revision 1`"));
        RefreshView all = view("kv/0", ALL, outdated(true), refreshed(true), refreshed(true));
        assertThat(all.applicationStatus()).contains(new StatusValue("blocked", "Refreshing. Check units >=1 are"
                + " healthy & run `resume-refresh` on unit 0. To rollback, `juju refresh --revision 1`"));
    }

    @Test
    void aRefreshGoingOnByItselfSaysHowToPauseIt() {
        RefreshView none = view("kv/0", NONE, outdated(true), outdated(true), refreshed(true));
        assertThat(none.applicationStatus()).contains(new StatusValue("maintenance",
                "Refreshing. To pause refresh, run `juju config kv pause-after-unit-refresh=all`"));
        RefreshView firstPastTheSecond = view("kv/0", FIRST, outdated(true), refreshed(true), refreshed(true));
        assertThat(firstPastTheSecond.applicationStatus()).contains(new StatusValue("maintenance",
                "Refreshing. To pause refresh, run `juju config kv pause-after-unit-refresh=all`"));
    }

    @Test
    void aSingleUnitOrTheFirstUnitRefreshingSaysHowToRollBack() {
        assertThat(view("kv/0", ALL, outdated(true)).applicationStatus()).contains(
                new StatusValue("maintenance", "Refreshing. To rollback, `juju refresh --revision 1`"));
        assertThat(view("kv/0", ALL, outdated(false), outdated(false)).applicationStatus()).contains(
                new StatusValue("maintenance", "Refreshing. To rollback, `juju refresh --revision 1`"));
    }

    @Test
    void theUnitStatusShowsTheCheckThatFailedThenTheHealthProblemThenTheVersionRunning() {
        RefreshView notStarted = view("kv/1", FIRST, outdated(false), outdated(false));
        assertThat(notStarted.unitStatus("kv-store", Optional.of("No backup"), Optional.empty())).isEqualTo(
                new StatusValue("blocked", "Rollback with `juju refresh`. Pre-refresh check failed: No backup"));
        RefreshView started = view("kv/1", FIRST, outdated(true), refreshed(false));
        assertThat(started.unitStatus("kv-store", Optional.empty(), Optional.of("kv-store is not answering")))
                .isEqualTo(new StatusValue("blocked", "kv-store is not answering"));
        assertThat(started.unitStatus("kv-store", Optional.empty(), Optional.empty()))
                .isEqualTo(new StatusValue("active", "kv-store 1.1.0 running; Charm revision 2"));
        assertThat(view("kv/0", FIRST, outdated(true), refreshed(true))
                .unitStatus("kv-store", Optional.empty(), Optional.empty()))
                .isEqualTo(new StatusValue("active", "kv-store 1.0.0 running (outdated); Charm revision 2"));
    }
}
