package dev.charms.reactive.samples.kvstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.layers.cli.ExitCodes;
import dev.charms.reactive.layers.cli.UpgradeConsole;
import dev.charms.reactive.layers.cli.UpgradeConsole.Run;
import dev.charms.reactive.layers.juju.ModelStatus;
import dev.charms.reactive.layers.juju.SimulatedJuju;
import dev.charms.reactive.samples.kvstore.Builds.Revision1;
import dev.charms.reactive.samples.kvstore.Builds.Revision2;
import dev.charms.reactive.samples.kvstore.Builds.Revision3;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reactive upgrade} end to end: the real command, over the {@code juju} of {@link SimulatedJuju}, upgrades
 * the built kv-store charm in the model simulator, where the refresh layer refreshes it unit by unit and pauses as it
 * would under Juju. kv-store revision 1 (kv-store 1.0.0) runs on three units, one per machine (0, 1, 2), pausing
 * after the first unit; revision 2 (1.1.0) is a compatible refresh, revision 3 (2.0.0) an incompatible one.
 */
class ReactiveUpgradeIT {
    private static final String APP = "kv-store";
    private static final String[] EVERYTHING = {"--target", "kv-store=2", "--expect-version", "kv-store=1.1.0",
        "--series-upgrade", "1=ubuntu@24.04"};
    private static final String LOG = "Full execution log: '$HOME/.local/share/reactive/log/reactive-upgrade-N.log'\n";
    private static final String FOLLOW = "Follow the refresh of 'kv-store' unit by unit, running resume-refresh when"
            + " it pauses";

    @TempDir
    Path temp;

    private Path data;
    private Model model;
    private SimulatedJuju juju;
    private UpgradeConsole console;

    @BeforeEach
    void deployed() {
        deploy(temp.resolve("data"));
        console = new UpgradeConsole(temp, command -> juju.run(command));
    }

    /** kv-store revision 1 on three units in model 'prod', its stores under {@code dir}. */
    private void deploy(Path dir) {
        data = dir;
        Charm revision1 = Builds.charm(new Revision1(), dir);
        model = new Model();
        model.deploy(APP, revision1, 3);
        juju = new SimulatedJuju(model, "prod", Map.of(APP, Map.of(1, revision1,
                2, Builds.charm(new Revision2(), dir), 3, Builds.charm(new Revision3(), dir))));
    }

    private Run upgrade(String... args) {
        return console.upgrade("", withModel(args));
    }

    private Run run(String... args) {
        return console.upgrade("", runArguments(args));
    }

    /** {@code run --auto-approve <args> -m prod}. */
    private static String[] runArguments(String... args) {
        return withModel(prepend("run", prepend("--auto-approve", args)));
    }

    private static String[] withModel(String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("-m", "prod"));
        return argv.toArray(String[]::new);
    }

    /** {@code juju <args>} as the operator types it, on the same model. */
    private CommandResult operatorRuns(String... args) {
        List<String> argv = new ArrayList<>(List.of("juju"));
        argv.addAll(List.of(args));
        return juju.run(Command.of(argv));
    }

    private KvStoreHost host(int unit) {
        return new KvStoreHost(data.resolve(APP + "-" + unit));
    }

    private List<String> workloadVersions() {
        return model.units().stream().map(u -> u.name() + "=" + u.workloadVersion().orElse("none")).toList();
    }

    /** The calls that change the model, each with how often it was made. */
    private Map<String, Long> changes() {
        return juju.calls().stream()
                .filter(c -> c.startsWith("refresh ") || c.startsWith("run ") || c.startsWith("upgrade-machine "))
                .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
    }

    /** The model as Juju shows it, with each unit's flags: what must be the same however the upgrade got there. */
    private String snapshot() {
        return juju.status() + model.units().stream().map(u -> u.name() + " " + u.flags())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void planPrintsTheStepsAndChangesNothing() {
        String before = snapshot();

        Run plan = upgrade(prepend("plan", EVERYTHING));

        assertThat(plan).isEqualTo(new Run(ExitCodes.OK, LOG + """
                Checking the model...
                Generating the upgrade plan...
                Upgrade model 'prod'
                \tUpgrade plan for 'kv-store' to revision 2
                \t\tBack up 'kv-store' with create-backup on kv-store/0
                \t\tRefresh 'kv-store' to revision 2
                \t\t""" + FOLLOW + """

                \t\tWait for 'kv-store' to be idle
                \t\tVerify the workload version of 'kv-store' is 1.1.0
                \tUpgrade machine '1' to ubuntu@24.04
                \t\tPrepare machine '1' for ubuntu@24.04
                \t\tCheck that machine '1' runs ubuntu@24.04
                \t\t├── Complete the upgrade of machine '1' to ubuntu@24.04
                \t\t├── Wait for the units on machine '1' to be idle
                Please note that the actual upgrade steps could be different if the model changes, because the plan\
                 is made again when it runs.
                """ + LOG, ""));
        assertThat(juju.calls()).containsExactly("status", "actions kv-store");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRunRefreshesUnitByUnitThroughThePauseAndCompletesTheMachineOnceItsSystemIsUpgraded() {
        Run first = run(EVERYTHING);

        assertThat(first.code()).as("%s", first).isEqualTo(ExitCodes.UPGRADE_INCOMPLETE);
        assertThat(first.out()).contains("""
                [1/9] Back up 'kv-store' with create-backup on kv-store/0
                      create-backup on kv-store/0: path=$HOME/data/kv-store-0/backups/backup-1
                [1/9] done in 0 s: Back up 'kv-store' with create-backup on kv-store/0
                [2/9] Refresh 'kv-store' to revision 2
                [2/9] done in 0 s: Refresh 'kv-store' to revision 2
                [3/9] %s
                      the refreshed units of 'kv-store' are healthy: running resume-refresh on kv-store/1
                      resume-refresh on kv-store/1: Refresh resumed. Unit 1 has refreshed
                      waiting for the refresh of 'kv-store' to go on after resume-refresh
                [3/9] done in 5 s: %s
                """.formatted(FOLLOW, FOLLOW), """
                [5/9] done in 0 s: Verify the workload version of 'kv-store' is 1.1.0
                """, """
                [7/9] halted: Check that machine '1' runs ubuntu@24.04: machine 1 runs ubuntu@22.04, not yet\
                 ubuntu@24.04. Upgrade its operating system""");
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.1.0", "kv-store/1=1.1.0", "kv-store/2=1.1.0");
        assertThat(host(0).dir().resolve("backups/backup-1")).hasContent("version=1.0.0\nport=7000");

        juju.upgradeOperatingSystem("1", "24.04");
        Run second = run(EVERYTHING);

        assertThat(second).isEqualTo(new Run(ExitCodes.OK, LOG + """
                Checking the model...
                Generating the upgrade plan...
                Upgrade model 'prod'
                \tUpgrade machine '1' to ubuntu@24.04
                \t\tCheck that machine '1' runs ubuntu@24.04
                \t\t├── Complete the upgrade of machine '1' to ubuntu@24.04
                \t\t├── Wait for the units on machine '1' to be idle
                Already done:
                  - 'kv-store' is at revision 2, idle, with workload version 1.1.0
                  - machine '1' is prepared for ubuntu@24.04
                [1/3] Check that machine '1' runs ubuntu@24.04
                [1/3] done in 0 s: Check that machine '1' runs ubuntu@24.04
                [2/3] Complete the upgrade of machine '1' to ubuntu@24.04
                [2/3] done in 0 s: Complete the upgrade of machine '1' to ubuntu@24.04
                [3/3] Wait for the units on machine '1' to be idle
                      waiting for the units on machine '1' to stay idle
                [3/3] done in 5 s: Wait for the units on machine '1' to be idle
                Upgrade machine '1' to ubuntu@24.04 executed in 5 seconds
                Upgrade completed.
                """ + LOG, ""));
        assertThat(changes()).containsExactly(Map.entry("refresh kv-store --revision 2", 1L),
                Map.entry("run kv-store/0 create-backup", 1L), Map.entry("run kv-store/1 resume-refresh", 1L),
                Map.entry("upgrade-machine 1 complete", 1L),
                Map.entry("upgrade-machine 1 prepare ubuntu@24.04 --yes", 1L));
        assertThat(ModelStatus.parse(juju.status()).machines().values()).extracting(m -> m.id() + " " + m.base())
                .containsExactly("0 ubuntu@22.04", "1 ubuntu@24.04", "2 ubuntu@22.04");
        assertThat(model.unit(APP + "/1").hookNames()).endsWith("pre-series-upgrade", "post-series-upgrade");
        assertThat(model.applicationStatus(APP).state()).isEqualTo("active");
    }

    @Test
    void stoppedAfterAnyJujuCallTheNextRunFinishesTheUpgradeWithoutRepeatingAChange() {
        juju.upgradeOperatingSystem("1", "24.04");
        assertThat(run(EVERYTHING).code()).isEqualTo(ExitCodes.OK);
        assertThat(juju.calls()).containsExactly("status", "actions kv-store", "run kv-store/0 create-backup",
                "refresh kv-store --revision 2", "status", "run kv-store/1 resume-refresh", "status", "status",
                "status", "status", "upgrade-machine 1 prepare ubuntu@24.04 --yes",
                "exec --machine 1 -- cat /etc/os-release", "upgrade-machine 1 complete", "status", "status");
        int calls = console.callsWhileRunning();
        assertThat(calls).as("all but the checks' and the planning's").isEqualTo(13);
        Map<String, Long> once = changes();
        String upgraded = snapshot();
        assertThat(once.values()).containsOnly(1L);

        for (int stopAfter = 1; stopAfter <= calls; stopAfter++) {
            deploy(temp.resolve("data-" + stopAfter));
            juju.upgradeOperatingSystem("1", "24.04");
            Run stopped = console.upgradeStoppedAfter(stopAfter, "", runArguments(EVERYTHING));
            assertThat(stopped.code()).as("stopped after call %d: %s", stopAfter, stopped)
                    .isEqualTo(ExitCodes.STOPPED_BY_SIGINT);
            boolean backedUpOnly = changes().containsKey("run kv-store/0 create-backup")
                    && !changes().containsKey("refresh kv-store --revision 2");

            Run resumed = run(EVERYTHING);

            assertThat(resumed.code()).as("resumed after a stop after call %d: %s", stopAfter, resumed)
                    .isEqualTo(ExitCodes.OK);
            assertThat(snapshot()).as("after a stop after call %d", stopAfter).isEqualTo(upgraded);
            Map<String, Long> expected = new TreeMap<>(once);
            expected.put("run kv-store/0 create-backup", backedUpOnly ? 2L : 1L);
            assertThat(changes()).as("after a stop after call %d", stopAfter).isEqualTo(expected);
        }
    }

    @Test
    void anUnhealthyRefreshedUnitFailsTheRunWithTheWayOnOrBackAndARunAfterItRecoveredFinishes() {
        host(2).breakDown();

        Run failed = run("--target", "kv-store=2");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(failed.err()).isEqualTo("error: '" + FOLLOW + "' failed: the refresh of 'kv-store' is paused and"
                + " unit kv-store/2, already refreshed, is not healthy (blocked: kv-store 1.1.0 is not answering on port"
                + " 7000). Check it; to go on anyway run `juju run kv-store/1 resume-refresh`, or roll back with `juju"
                + " refresh kv-store --revision 1`, then run this command with --target kv-store=1 to follow the"
                + " rollback\n");
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.0.0", "kv-store/1=1.0.0", "kv-store/2=1.1.0");

        host(2).heal();
        model.updateStatus();
        Run resumed = run("--target", "kv-store=2");

        assertThat(resumed.code()).as("%s", resumed).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out()).contains("""
                \tUpgrade plan for 'kv-store' to revision 2
                \t\t%s
                \t\tWait for 'kv-store' to be idle
                \t\tVerify the workload version of 'kv-store'
                """.formatted(FOLLOW));
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.1.0", "kv-store/1=1.1.0", "kv-store/2=1.1.0");
        assertThat(changes()).containsExactly(Map.entry("refresh kv-store --revision 2", 1L),
                Map.entry("run kv-store/0 create-backup", 1L), Map.entry("run kv-store/1 resume-refresh", 1L));
    }

    @Test
    void afterAFailureTheOperatorRollsBackAsTheHintSaysAndARunToTheOldRevisionFollowsTheRollback() {
        model.config(APP, "pause-after-unit-refresh", "all");
        host(1).breakDown();
        Run failed = run("--target", "kv-store=2", "--no-backup");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(failed.err()).endsWith("unit kv-store/1, already refreshed, is not healthy (blocked: kv-store 1.1.0 is"
                + " not answering on port 7000). Check it; to go on anyway run `juju run kv-store/0 resume-refresh`, or"
                + " roll back with `juju refresh kv-store --revision 1`, then run this command with --target kv-store=1"
                + " to follow the rollback\n");
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.0.0", "kv-store/1=1.1.0", "kv-store/2=1.1.0");

        assertThat(operatorRuns("refresh", "kv-store", "--revision", "1").exitCode()).isZero();
        host(1).heal();
        Run rolledBack = run("--target", "kv-store=1", "--no-backup");

        assertThat(rolledBack).isEqualTo(new Run(ExitCodes.OK, LOG + """
                Checking the model...
                Generating the upgrade plan...
                Upgrade model 'prod'
                \tUpgrade plan for 'kv-store' to revision 1
                \t\t%s
                \t\tWait for 'kv-store' to be idle
                \t\tVerify the workload version of 'kv-store'
                Already done:
                  - 'kv-store' follows revision 1
                [1/3] %s
                      the refreshed units of 'kv-store' are healthy: running resume-refresh on kv-store/1
                      resume-refresh on kv-store/1: Refreshed unit 1
                      waiting for the refresh of 'kv-store' to go on after resume-refresh
                [1/3] done in 5 s: %s
                [2/3] Wait for 'kv-store' to be idle
                      waiting for 'kv-store' to stay idle
                [2/3] done in 5 s: Wait for 'kv-store' to be idle
                [3/3] Verify the workload version of 'kv-store'
                [3/3] done in 0 s: Verify the workload version of 'kv-store'
                Upgrade plan for 'kv-store' to revision 1 executed in 10 seconds
                Upgrade completed.
                """.formatted(FOLLOW, FOLLOW, FOLLOW) + LOG, ""));
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.0.0", "kv-store/1=1.0.0", "kv-store/2=1.0.0");
    }

    @Test
    void withoutPausesAnUnhealthyRefreshedUnitHaltsTheRefreshAndTheRunTimesOutSayingWhy() {
        model.config(APP, "pause-after-unit-refresh", "none");
        host(2).breakDown();

        Run failed = run("--target", "kv-store=2", "--timeout", "1");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        String waiting = "unit kv-store/2 to be healthy (blocked: kv-store 1.1.0 is not answering on port 7000): the"
                + " refresh of 'kv-store' goes on once it is";
        assertThat(failed.out()).contains("      waiting for " + waiting + "\n");
        assertThat(failed.err()).isEqualTo("error: '" + FOLLOW + "' failed: timed out after 1 min waiting for "
                + waiting + "; look at `juju status kv-store`, then run this command again (or raise --timeout)\n");

        host(2).heal();
        model.updateStatus();
        Run resumed = run("--target", "kv-store=2");

        assertThat(resumed.code()).as("%s", resumed).isEqualTo(ExitCodes.OK);
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.1.0", "kv-store/1=1.1.0", "kv-store/2=1.1.0");
        assertThat(changes()).doesNotContainKey("run kv-store/1 resume-refresh");
    }

    @Test
    void anIncompatibleRefreshFailsTheRunNamingTheForceAndOnceForcedARunFinishes() {
        Run failed = run("--target", "kv-store=3");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(failed.err()).isEqualTo("error: '" + FOLLOW + "' failed: the refresh of 'kv-store' is blocked:"
                + " Refresh incompatible. Rollback with `juju refresh --revision 1`. Roll back with `juju refresh"
                + " kv-store --revision 1`, then run this command with --target kv-store=1 to follow the rollback, or,"
                + " if you are sure, force it with `juju run kv-store/2 force-refresh-start check-compatibility=false`"
                + " and run this command again\n");

        assertThat(operatorRuns("run", "kv-store/2", "force-refresh-start", "check-compatibility=false").exitCode())
                .isZero();
        Run resumed = run("--target", "kv-store=3");

        assertThat(resumed.code()).as("%s", resumed).isEqualTo(ExitCodes.OK);
        assertThat(workloadVersions()).containsExactly("kv-store/0=2.0.0", "kv-store/1=2.0.0", "kv-store/2=2.0.0");
    }

    @Test
    void aFailedPreRefreshCheckFailsTheRunNamingTheForceWithoutTheChecks() {
        host(2).compacting(true);

        Run failed = run("--target", "kv-store=2");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(failed.err()).isEqualTo("error: '" + FOLLOW + "' failed: the refresh of 'kv-store' is blocked on"
                + " kv-store/2: Rollback with `juju refresh`. Pre-refresh check failed: kv-store is compacting; retry"
                + " when it is done. Roll back, or, if you are sure, force it with `juju run kv-store/2"
                + " force-refresh-start run-pre-refresh-checks=false` and run this command again\n");
        assertThat(workloadVersions()).containsOnly("kv-store/0=1.0.0", "kv-store/1=1.0.0", "kv-store/2=1.0.0");
    }

    @Test
    void withPauseAfterEveryUnitTheRunResumesEachInTurn() {
        model.config(APP, "pause-after-unit-refresh", "all");

        Run run = run("--target", "kv-store=2", "--no-backup");

        assertThat(run.code()).as("%s", run).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("""
                      resume-refresh on kv-store/1: Refreshed unit 1
                """, """
                      resume-refresh on kv-store/0: Refreshed unit 0
                """);
        assertThat(changes()).containsExactly(Map.entry("refresh kv-store --revision 2", 1L),
                Map.entry("run kv-store/0 resume-refresh", 1L), Map.entry("run kv-store/1 resume-refresh", 1L));
        assertThat(workloadVersions()).containsExactly("kv-store/0=1.1.0", "kv-store/1=1.1.0", "kv-store/2=1.1.0");
    }

    private static String[] prepend(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
