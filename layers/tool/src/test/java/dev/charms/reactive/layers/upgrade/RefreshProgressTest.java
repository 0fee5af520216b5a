package dev.charms.reactive.layers.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.layers.juju.ModelStatus.Application;
import dev.charms.reactive.layers.juju.ModelStatus.StatusInfo;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Decisions from the refresh layer's statuses (charm-refresh's texts, reference A.11). */
class RefreshProgressTest {
    private static final Target TARGET = Target.parse("db=14/stable@432");
    private static final String ROLLBACK = " To rollback, `juju refresh --revision 420`";

    private static Unit unit(int number, String workload, String message, String agent) {
        return new Unit("db/" + number, new StatusInfo(workload, message), new StatusInfo(agent, ""), number == 0,
                Integer.toString(number), "", Optional.empty());
    }

    private static Application db(StatusInfo status, Unit... units) {
        return new Application("db", "postgresql", "14/stable", OptionalInt.of(432), "", status, "14.9", List.of(units));
    }

    private static final Unit REFRESHED = unit(2, "active", "PostgreSQL 14.9 running; Snap revision 9; Charm revision 432",
            "idle");
    private static final Unit OUTDATED = unit(1, "active",
            "PostgreSQL 14.8 running; Snap revision 8 (outdated); Charm revision 432", "idle");

    @Test
    void aRefreshPausedOnMachinesIsResumedOnTheUnitItNamesOnceTheRefreshedUnitsAreHealthy() {
        StatusInfo paused = new StatusInfo("blocked", "Refreshing. Check units >=2 are healthy & run `resume-refresh`"
                + " on unit 1." + ROLLBACK);

        assertThat(RefreshProgress.of(db(paused, unit(0, "active", "", "idle"), OUTDATED, REFRESHED), TARGET))
                .isEqualTo(new RefreshProgress(RefreshProgress.Kind.RESUME, "", Optional.of("db/1")));
    }

    @Test
    void aRefreshPausedOnKubernetesIsResumedOnTheLeader() {
        StatusInfo paused = new StatusInfo("blocked", "Refreshing. Check units >=2 are healthy & run `resume-refresh`"
                + " on leader. To rollback, see docs or `juju debug-log`");

        assertThat(RefreshProgress.of(db(paused, unit(0, "active", "", "idle"), OUTDATED, REFRESHED), TARGET).unit())
                .contains("db/0");
    }

    @Test
    void aRefreshedUnitStillBusyIsWaitedFor() {
        StatusInfo paused = new StatusInfo("blocked", "Refreshing. Check units >=2 are healthy & run `resume-refresh`"
                + " on unit 1." + ROLLBACK);
        Unit settling = unit(2, "maintenance", "restarting", "executing");

        RefreshProgress progress = RefreshProgress.of(db(paused, OUTDATED, settling), TARGET);

        assertThat(progress.kind()).isEqualTo(RefreshProgress.Kind.WAIT);
        assertThat(progress.detail()).isEqualTo("unit db/2 to settle after its refresh (maintenance: restarting,"
                + " agent executing)");
    }

    @Test
    void aRefreshedUnitThatIsBlockedStopsTheRefreshForAPerson() {
        StatusInfo paused = new StatusInfo("blocked", "Refreshing. Check units >=2 are healthy & run `resume-refresh`"
                + " on unit 1." + ROLLBACK);

        RefreshProgress progress = RefreshProgress.of(db(paused, OUTDATED,
                unit(2, "blocked", "etcd service not running", "idle")), TARGET);

        assertThat(progress.kind()).isEqualTo(RefreshProgress.Kind.FAIL);
        assertThat(progress.detail()).isEqualTo("the refresh of 'db' is paused and unit db/2, already refreshed, is"
                + " not healthy (blocked: etcd service not running). Check it; to go on anyway run `juju run db/1"
                + " resume-refresh`, or roll back: " + paused.message());
    }

    @Test
    void anIncompatibleRefreshOrAFailedPreRefreshCheckNeedsAPerson() {
        StatusInfo incompatible = new StatusInfo("blocked", "Refresh incompatible. Rollback with `juju refresh"
                + " --revision 420`");
        Unit checkFailed = unit(2, "blocked", "Rollback with `juju refresh`. Pre-refresh check failed: backup too old",
                "idle");

        assertThat(RefreshProgress.of(db(incompatible, OUTDATED, REFRESHED), TARGET).detail()).isEqualTo(
                "the refresh of 'db' is blocked: Refresh incompatible. Rollback with `juju refresh --revision 420`."
                        + " Roll back as it says, or, if you are sure, force it with `juju run db/2 force-refresh-start"
                        + " check-compatibility=false` and run this command again");
        assertThat(RefreshProgress.of(db(new StatusInfo("active", ""), OUTDATED, checkFailed), TARGET).detail())
                .isEqualTo("the refresh of 'db' is blocked on db/2: Rollback with `juju refresh`. Pre-refresh check"
                        + " failed: backup too old. Roll back, or, if you are sure, force it with `juju run db/2"
                        + " force-refresh-start run-pre-refresh-checks=false` and run this command again");
    }

    @Test
    void aRefreshThatGoesOnByItselfIsWaitedForUntilNoUnitIsOutdated() {
        StatusInfo going = new StatusInfo("maintenance", "Refreshing. To pause refresh, run `juju config db"
                + " pause-after-unit-refresh=all`");

        assertThat(RefreshProgress.of(db(going, OUTDATED, REFRESHED), TARGET).kind())
                .isEqualTo(RefreshProgress.Kind.WAIT);
        assertThat(RefreshProgress.of(db(new StatusInfo("active", ""), unit(1, "active", "", "idle"), REFRESHED),
                TARGET).kind()).isEqualTo(RefreshProgress.Kind.DONE);
    }

    @Test
    void targetsAreReadFromTheCommandLine() {
        assertThat(Target.parse("db=14/stable")).isEqualTo(new Target("db", Optional.of("14/stable"), OptionalInt.empty()));
        assertThat(Target.parse("db=432")).isEqualTo(new Target("db", Optional.empty(), OptionalInt.of(432)));
        assertThat(TARGET.describe()).isEqualTo("14/stable (revision 432)");
        assertThat(SeriesTarget.parse("1=ubuntu@24.04")).isEqualTo(new SeriesTarget("1", "ubuntu@24.04"));
    }
}
