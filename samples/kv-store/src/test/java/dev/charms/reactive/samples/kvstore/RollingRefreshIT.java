package dev.charms.reactive.samples.kvstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.refresh.RollingRefresh;
import dev.charms.reactive.samples.kvstore.Builds.Build;
import dev.charms.reactive.samples.kvstore.Builds.Revision1;
import dev.charms.reactive.samples.kvstore.Builds.Revision2;
import dev.charms.reactive.samples.kvstore.Builds.Revision3;
import dev.charms.reactive.testing.model.ActionResult;
import dev.charms.reactive.testing.model.HookRun;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling refreshes of the built kv-store charm in the model simulator: which unit runs which kv-store version after
 * each step, the statuses operators see, and what the actions answer. Revision 1 (kv-store 1.0.0) is deployed; revision
 * 2 (1.1.0) is a compatible refresh, revision 3 (2.0.0) an incompatible one.
 */
class RollingRefreshIT {
    private static final String APP = "kv-store";
    private static final String ROLLBACK = "To rollback, `juju refresh --revision 1`";
    private static final String IN_PROGRESS = RollingRefresh.IN_PROGRESS;

    @TempDir
    Path data;

    private final Model model = new Model();

    private void deploy(int units, String pause) {
        model.deploy(APP, Builds.charm(new Revision1(), data), units);
        model.config(APP, "pause-after-unit-refresh", pause);
    }

    private void refreshTo(Build build) {
        model.refresh(APP, Builds.charm(build, data));
    }

    private KvStoreHost host(int unit) {
        return new KvStoreHost(data.resolve(APP + "-" + unit));
    }

    /** The kv-store version each unit runs, by unit number, as its store says and as Juju shows it. */
    private void assertVersions(String... byUnitNumber) {
        for (int unit = 0; unit < byUnitNumber.length; unit++) {
            assertThat(host(unit).installedVersion()).as("kv-store on unit %d", unit).contains(byUnitNumber[unit]);
            assertThat(model.workloadVersion(APP + "/" + unit)).as("workload version of unit %d", unit)
                    .contains(byUnitNumber[unit]);
        }
    }

    private StatusValue status(int unit) {
        return model.unit(APP + "/" + unit).status();
    }

    private StatusValue applicationStatus() {
        return model.applicationStatus(APP);
    }

    private ActionResult run(int unit, String action, Map<String, ?> params) {
        return model.runAction(APP + "/" + unit, action, params);
    }

    private static StatusValue active(String message) {
        return new StatusValue("active", message);
    }

    private static StatusValue blocked(String message) {
        return new StatusValue("blocked", message);
    }

    private static StatusValue maintenance(String message) {
        return new StatusValue("maintenance", message);
    }

    private static String paused(int checkFrom, int next) {
        return "Refreshing. Check units >=" + checkFrom + " are healthy & run `resume-refresh` on unit " + next + ". "
                + ROLLBACK;
    }

    /** The units in the order they first ran kv-store {@code version} during the refresh (their status said so). */
    private List<String> refreshOrder(String version) {
        return model.timeline().stream()
                .filter(run -> run.status().message().startsWith("kv-store " + version + " running;"))
                .map(HookRun::unit).distinct().toList();
    }

    private void assertNoRefreshInProgress(int units) {
        for (int unit = 0; unit < units; unit++) {
            SimulatedUnit simulated = model.unit(APP + "/" + unit);
            assertThat(simulated.flags()).as("flags of unit %d", unit).doesNotContain(IN_PROGRESS);
            assertThat(simulated.status()).isEqualTo(active("kv-store " + host(unit).installedVersion().orElseThrow()
                    + " ready on port 7000"));
        }
    }

    private static void assertCompleted(ActionResult result, String text) {
        assertThat(result.failureMessage()).isEmpty();
        assertThat(result.results()).containsEntry("result", text);
    }

    private static void assertFailed(ActionResult result, String message) {
        assertThat(result.status()).isEqualTo(ActionResult.FAILED);
        assertThat(result.failureMessage()).contains(message);
    }

    @Test
    void withFirstTheFirstUnitRefreshesThenTheSecondWaitsForResumeAndTheRestFollow() {
        deploy(3, "first");
        assertVersions("1.0.0", "1.0.0", "1.0.0");
        assertNoRefreshInProgress(3);

        refreshTo(new Revision2());

        assertVersions("1.0.0", "1.0.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));
        assertThat(status(2)).isEqualTo(active("kv-store 1.1.0 running; Charm revision 2"));
        assertThat(status(1)).isEqualTo(active("kv-store 1.0.0 running (outdated); Charm revision 2"));
        assertThat(model.units()).allMatch(u -> u.flags().contains(IN_PROGRESS));

        ActionResult resumed = run(1, "resume-refresh", Map.of());

        assertCompleted(resumed, "Refresh resumed. Unit 1 has refreshed");
        assertThat(resumed.log()).containsExactly("Refresh resumed. Refreshing unit 1");
        assertVersions("1.1.0", "1.1.0", "1.1.0");
        assertThat(refreshOrder("1.1.0")).containsExactly("kv-store/2", "kv-store/1", "kv-store/0");
        assertThat(applicationStatus()).isEqualTo(active(""));
        assertNoRefreshInProgress(3);
    }

    @Test
    void withAllEveryUnitAfterTheFirstWaitsForResumeOnItself() {
        deploy(3, "all");

        refreshTo(new Revision2());
        assertVersions("1.0.0", "1.0.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));

        assertFailed(run(0, "resume-refresh", Map.of()), "Must run action on unit 1");
        ActionResult unit1 = run(1, "resume-refresh", Map.of());
        assertCompleted(unit1, "Refreshed unit 1");
        assertThat(unit1.log()).containsExactly("Refreshing unit 1");
        assertVersions("1.0.0", "1.1.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(1, 0)));

        assertCompleted(run(0, "resume-refresh", Map.of()), "Refreshed unit 0");
        assertVersions("1.1.0", "1.1.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(active(""));
        assertNoRefreshInProgress(3);
    }

    @Test
    void withNoneEveryUnitRefreshesInOrderWithoutWaiting() {
        deploy(3, "none");

        refreshTo(new Revision2());

        assertVersions("1.1.0", "1.1.0", "1.1.0");
        assertThat(refreshOrder("1.1.0")).containsExactly("kv-store/2", "kv-store/1", "kv-store/0");
        assertThat(model.applicationStatus(APP).message()).isEmpty();
        assertThat(applicationStatus().state()).isEqualTo("active");
        assertNoRefreshInProgress(3);
        assertFailed(run(1, "resume-refresh", Map.of()), "No refresh in progress");
    }

    @Test
    void anUnhealthyRefreshedUnitHaltsTheRefreshWhateverThePauseUntilItRecovers() {
        deploy(3, "none");
        host(2).breakDown();

        refreshTo(new Revision2());

        assertVersions("1.0.0", "1.0.0", "1.1.0");
        assertThat(status(2)).isEqualTo(blocked("kv-store 1.1.0 is not answering on port 7000"));
        assertThat(applicationStatus()).isEqualTo(maintenance(
                "Refreshing. To pause refresh, run `juju config kv-store pause-after-unit-refresh=all`"));
        assertFailed(run(1, "resume-refresh", Map.of()),
                "`pause-after-unit-refresh` config is set to `none`. This action is not applicable.");

        model.updateStatus();
        assertVersions("1.0.0", "1.0.0", "1.1.0");

        host(2).heal();
        model.updateStatus();

        assertVersions("1.1.0", "1.1.0", "1.1.0");
        assertThat(refreshOrder("1.1.0")).containsExactly("kv-store/2", "kv-store/1", "kv-store/0");
        assertNoRefreshInProgress(3);
    }

    @Test
    void switchingToAllHaltsTheRefreshBeforeTheNextUnitAndSwitchingBackResumesIt() {
        deploy(4, "first");
        refreshTo(new Revision2());
        assertVersions("1.0.0", "1.0.0", "1.0.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(3, 2)));

        model.config(APP, "pause-after-unit-refresh", "all");
        assertCompleted(run(2, "resume-refresh", Map.of()), "Refreshed unit 2");

        assertVersions("1.0.0", "1.0.0", "1.1.0", "1.1.0");
        assertThat(applicationStatus()).as("unit 1 would have followed on its own with first")
                .isEqualTo(blocked(paused(2, 1)));

        model.config(APP, "pause-after-unit-refresh", "first");

        assertVersions("1.1.0", "1.1.0", "1.1.0", "1.1.0");
        assertNoRefreshInProgress(4);
    }

    @Test
    void anInvalidPauseValueBlocksTheApplicationAndPausesLikeAll() {
        deploy(3, "sometimes");
        assertThat(applicationStatus()).isEqualTo(blocked(
                "pause-after-unit-refresh config must be set to \"all\", \"first\", or \"none\""));

        refreshTo(new Revision2());
        assertVersions("1.0.0", "1.0.0", "1.1.0");
        assertCompleted(run(1, "resume-refresh", Map.of()), "Refreshed unit 1");
        assertVersions("1.0.0", "1.1.0", "1.1.0");
        assertThat(applicationStatus().message()).startsWith("pause-after-unit-refresh config must be set");

        model.config(APP, "pause-after-unit-refresh", "all");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(1, 0)));
    }

    @Test
    void aRollbackAfterTwoUnitsSkipsTheChecksAndGoesBackInTheSameOrderAndPauses() {
        deploy(4, "all");
        refreshTo(new Revision2());
        assertCompleted(run(2, "resume-refresh", Map.of()), "Refreshed unit 2");
        assertVersions("1.0.0", "1.0.0", "1.1.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));
        host(3).compacting(true);

        refreshTo(new Revision1());

        assertVersions("1.0.0", "1.0.0", "1.1.0", "1.0.0");
        assertThat(model.unit(APP + "/3").log()).extracting(LogLine::message)
                .contains("Rollback detected. Skipping automatic checks: the refresh is started");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(3, 2)));
        assertThat(status(2)).isEqualTo(active("kv-store 1.1.0 running (outdated); Charm revision 1"));

        assertCompleted(run(2, "resume-refresh", Map.of()), "Refreshed unit 2");

        assertVersions("1.0.0", "1.0.0", "1.0.0", "1.0.0");
        assertNoRefreshInProgress(4);
        assertThat(applicationStatus()).isEqualTo(active(""));
    }

    @Test
    void anIncompatibleRefreshRefreshesNothingUntilForcedAndThenGoesOn() {
        deploy(3, "first");

        refreshTo(new Revision3());

        assertVersions("1.0.0", "1.0.0", "1.0.0");
        assertThat(applicationStatus()).isEqualTo(blocked(
                "Refresh incompatible. Rollback with `juju refresh --revision 1`"));
        assertThat(model.unit(APP + "/2").log()).extracting(LogLine::message).anyMatch(line -> line.startsWith(
                "Refresh incompatible (charm major version changes from 1 to 2). Rollback with `juju refresh"
                        + " kv-store --revision 1`. Continuing this refresh may cause data loss and/or downtime."));
        assertFailed(run(0, "force-refresh-start", Map.of("check-compatibility", false)),
                "Must run action on unit 2");
        assertFailed(run(2, "force-refresh-start", Map.of()), "Must run with at least one of `check-compatibility`,"
                + " `run-pre-refresh-checks`, or `check-workload-container` parameters `=false`");
        assertFailed(run(2, "force-refresh-start", Map.of("check-workload-container", false)),
                "Refresh incompatible. Rollback with `juju refresh`");
        assertVersions("1.0.0", "1.0.0", "1.0.0");

        ActionResult forced = run(2, "force-refresh-start", Map.of("check-compatibility", false));

        assertCompleted(forced, "Refreshed unit 2");
        assertThat(forced.log()).containsExactly(
                "Skipping check for compatibility with previous kv-store version and charm revision",
                "Running pre-refresh checks", "Pre-refresh checks successful", "Refreshing unit 2");
        assertVersions("1.0.0", "1.0.0", "2.0.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));
        assertFailed(run(2, "force-refresh-start", Map.of("check-compatibility", false)), "Unit 2 already refreshed");

        assertCompleted(run(1, "resume-refresh", Map.of()), "Refresh resumed. Unit 1 has refreshed");
        assertVersions("2.0.0", "2.0.0", "2.0.0");
        assertNoRefreshInProgress(3);
    }

    @Test
    void aFailedPreRefreshCheckHoldsTheFirstUnitUntilForcedWithoutTheChecks() {
        deploy(3, "first");
        host(2).compacting(true);

        refreshTo(new Revision2());

        assertVersions("1.0.0", "1.0.0", "1.0.0");
        assertThat(status(2)).isEqualTo(blocked(
                "Rollback with `juju refresh`. Pre-refresh check failed: kv-store is compacting; retry when it is done"));
        assertFailed(run(1, "resume-refresh", Map.of()), "Must run action on unit 2");
        assertFailed(run(2, "resume-refresh", Map.of()), "Unit 2 is unhealthy. Refresh will not resume.");
        assertFailed(run(2, "force-refresh-start", Map.of("check-compatibility", false)),
                "Pre-refresh check failed: kv-store is compacting; retry when it is done. Rollback with `juju refresh`");

        ActionResult forced = run(2, "force-refresh-start", Map.of("run-pre-refresh-checks", false));

        assertCompleted(forced, "Refreshed unit 2");
        assertThat(forced.log()).containsExactly("Checked that refresh from previous kv-store version and charm"
                + " revision to current versions is compatible", "Skipping pre-refresh checks", "Refreshing unit 2");
        assertVersions("1.0.0", "1.0.0", "1.1.0");
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));
    }

    @Test
    void preRefreshCheckRunsOnTheLeaderBeforeARefreshAndSaysHowToRollBack() {
        deploy(3, "first");
        String leader = model.leader(APP).orElseThrow();
        int leaderNumber = Integer.parseInt(leader.substring(leader.indexOf('/') + 1));
        int other = leaderNumber == 0 ? 1 : 0;

        assertFailed(run(other, "pre-refresh-check", Map.of()),
                "Must run action on leader unit. (e.g. `juju run kv-store/leader pre-refresh-check`)");
        host(leaderNumber).compacting(true);
        assertFailed(run(leaderNumber, "pre-refresh-check", Map.of()), "Charm is not ready for refresh. Pre-refresh"
                + " check failed: kv-store is compacting; retry when it is done");
        host(leaderNumber).compacting(false);

        assertCompleted(run(leaderNumber, "pre-refresh-check", Map.of()), "Charm is ready for refresh. For refresh"
                + " instructions, see https://charmhub.io/kv-store/docs/refresh/1/1.0.0\n\n"
                + "After the refresh has started, use this command to rollback:\n`juju refresh kv-store --revision 1`"
                + "\n\nThe refresh will pause for your manual confirmation after the first unit refreshes. To change"
                + " this, set the `pause-after-unit-refresh` config option. Run `juju config kv-store` for more"
                + " information");

        refreshTo(new Revision2());
        assertFailed(run(leaderNumber, "pre-refresh-check", Map.of()), "Refresh already in progress");
    }

    @Test
    void resumeRefreshRefusesWhileARefreshedUnitIsUnhealthyUnlessTheOperatorIgnoresHealth() {
        deploy(3, "first");
        host(2).breakDown();
        refreshTo(new Revision2());
        assertVersions("1.0.0", "1.0.0", "1.1.0");

        assertFailed(run(1, "resume-refresh", Map.of()), "Unit 2 is unhealthy. Refresh will not resume.");
        assertFailed(run(2, "resume-refresh", Map.of("check-health-of-refreshed-units", false)),
                "Unit already refreshed");
        ActionResult ignoring = run(1, "resume-refresh", Map.of("check-health-of-refreshed-units", false));

        assertCompleted(ignoring, "Refreshed unit 1");
        assertThat(ignoring.log()).containsExactly("Ignoring health of refreshed units", "Refreshing unit 1");
        assertVersions("1.0.0", "1.1.0", "1.1.0");
        assertThat(status(2)).isEqualTo(blocked("kv-store 1.1.0 is not answering on port 7000"));
    }

    @Test
    void aWorkloadRefreshThatFailsIsReportedAndRetriedOnTheNextEvent() {
        deploy(3, "first");
        host(2).offline(true);
        refreshTo(new Revision3());

        ActionResult forced = run(2, "force-refresh-start", Map.of("check-compatibility", false));

        assertCompleted(forced, "Refresh started. Failed to refresh unit 2. Unit 2 will retry refresh on the next Juju"
                + " event");
        assertVersions("1.0.0", "1.0.0", "1.0.0");
        assertThat(host(2).answers()).as("the old version runs again").isTrue();
        assertThat(model.unit(APP + "/2").log()).extracting(LogLine::message)
                .anyMatch(line -> line.startsWith("Refreshing kv-store to 2.0.0 on unit 2 failed; the next hook"
                        + " retries:\njava.lang.IllegalStateException: cannot download kv-store 2.0.0"));
        host(2).offline(false);
        model.updateStatus();
        assertVersions("1.0.0", "1.0.0", "2.0.0");

        host(1).offline(true);
        assertFailed(run(1, "resume-refresh", Map.of()), "Failed to refresh kv-store. Check the error message in"
                + " `juju debug-log` and then consider retrying this action");
        host(1).offline(false);
        host(0).offline(true);
        assertCompleted(run(1, "resume-refresh", Map.of()), "Refresh resumed. Unit 1 has refreshed");
        assertVersions("1.0.0", "2.0.0", "2.0.0");
        assertFailed(run(0, "resume-refresh", Map.of()), "Unit is currently refreshing");

        host(0).offline(false);
        model.updateStatus();

        assertVersions("2.0.0", "2.0.0", "2.0.0");
        assertNoRefreshInProgress(3);
    }

    @Test
    void actionsRefuseWithoutARefreshInProgress() {
        deploy(3, "first");

        assertFailed(run(1, "resume-refresh", Map.of()), "No refresh in progress");
        assertFailed(run(2, "force-refresh-start", Map.of("check-compatibility", false)), "No refresh in progress");
        assertFailed(run(1, "force-refresh-start", Map.of("check-compatibility", false)),
                "Must run action on unit 2");
    }

    @Test
    void duringARefreshTheCharmRefusesBackupsAndKeepsAPortChangeForAfterIt() {
        deploy(3, "all");
        assertThat(run(0, "create-backup", Map.of()).results()).containsKey("path");
        refreshTo(new Revision2());

        assertFailed(run(0, "create-backup", Map.of()), "Refresh in progress");
        model.config(APP, "port", 7001);
        assertThat(status(0)).isEqualTo(new StatusValue("waiting",
                "Refresh in progress: port 7001 applies when the refresh completes"));
        assertThat(host(0).port()).contains(7000);

        run(1, "resume-refresh", Map.of());
        run(0, "resume-refresh", Map.of());

        assertVersions("1.1.0", "1.1.0", "1.1.0");
        for (int unit = 0; unit < 3; unit++) {
            assertThat(host(unit).port()).as("port of unit %d", unit).contains(7001);
            assertThat(status(unit)).isEqualTo(active("kv-store 1.1.0 ready on port 7001"));
        }
        assertThat(run(0, "create-backup", Map.of()).results()).containsKey("path");
    }

    @Test
    void aUnitAddedDuringARefreshRunsTheNewVersionAndTheRefreshGoesOnInOrder() {
        deploy(3, "all");
        refreshTo(new Revision2());
        assertVersions("1.0.0", "1.0.0", "1.1.0");

        model.addUnit(APP);

        assertVersions("1.0.0", "1.0.0", "1.1.0", "1.1.0");
        assertThat(status(3)).isEqualTo(active("kv-store 1.1.0 running; Charm revision 2"));
        assertThat(applicationStatus()).isEqualTo(blocked(paused(2, 1)));

        assertCompleted(run(1, "resume-refresh", Map.of()), "Refreshed unit 1");
        assertCompleted(run(0, "resume-refresh", Map.of()), "Refreshed unit 0");

        assertVersions("1.1.0", "1.1.0", "1.1.0", "1.1.0");
        assertNoRefreshInProgress(4);
    }
}
