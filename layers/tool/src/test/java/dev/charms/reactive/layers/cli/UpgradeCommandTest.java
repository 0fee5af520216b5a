package dev.charms.reactive.layers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.layers.juju.StubJuju;
import dev.charms.reactive.layers.juju.StubJujuRunner;
import dev.charms.reactive.layers.juju.StubModels;
import dev.charms.reactive.plan.Interrupter;
import dev.charms.reactive.plan.StopSignal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code reactive upgrade} over the stub juju in this JVM: what the operator sees, and what Juju was asked to do
 * (the stub's call log).
 */
class UpgradeCommandTest {
    private static final String[] EVERYTHING = {"--target", "db=14/stable", "--target", "web=stable",
        "--series-upgrade", "1=ubuntu@24.04"};
    private static final String LOG = "Full execution log: '$HOME/.local/share/reactive/log/reactive-upgrade-";

    @TempDir
    Path temp;

    Path model;
    volatile Interrupter interrupter;
    Consumer<Command> beforeEachCall = command -> { };

    /** What one run printed and returned; durations and the log file's time stamp are shown as N. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void prodModel() {
        model = temp.resolve("model");
        StubJuju.save(model, StubModels.prod());
    }

    private Run upgrade(String stdin, String... args) {
        UpgradeHost host = new UpgradeHost(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new StubJujuRunner(model, command -> beforeEachCall.accept(command)), duration -> { },
                new TickingClock(), installed -> {
                    interrupter = installed;
                    return () -> interrupter = null;
                });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReactiveCommand.commandLine(Map.of("HOME", temp.toString())::get, host);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> argv = new ArrayList<>(List.of("upgrade"));
        argv.addAll(List.of(args));
        if (args.length > 0) {
            argv.addAll(List.of("--poll-interval", "0"));
        }
        int code = commandLine.execute(argv.toArray(String[]::new));
        return new Run(code, normalize(out.toString()), normalize(err.toString()));
    }

    private String normalize(String text) {
        return text.replace(temp.toString(), "$HOME")
                .replaceAll("reactive-upgrade-\\d{14}(-\\d+)?\\.log", "reactive-upgrade-N.log")
                .replaceAll("in \\d+ s(econds)?\\b", "in N s$1");
    }

    private String[] args(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.addAll(List.of(EVERYTHING));
        return args.toArray(String[]::new);
    }

    private void change(Consumer<StubJuju.State> edit) {
        StubJuju.State state = StubJuju.load(model);
        edit.accept(state);
        StubJuju.save(model, state);
    }

    /** The calls that change the model, each with how often it was made. */
    private Map<String, Long> changes() {
        return StubJuju.calls(model).stream()
                .filter(call -> call.startsWith("refresh ") || call.startsWith("run ") || call.startsWith("upgrade-machine "))
                .collect(Collectors.groupingBy(call -> call, TreeMap::new, Collectors.counting()));
    }

    /** What the model looks like, leaving out what only shows how it got there. */
    private String summary() {
        StubJuju.State state = StubJuju.load(model);
        StringBuilder text = new StringBuilder();
        state.applications.forEach((name, app) -> {
            text.append(name).append(' ').append(app.channel).append(' ').append(app.revision);
            app.units.forEach((unit, fields) -> text.append(' ').append(unit).append('=').append(fields.revision)
                    .append('/').append(fields.workload));
            text.append('\n');
        });
        state.machines.forEach((id, machine) -> text.append("machine ").append(id).append(' ').append(machine.base)
                .append(' ').append(machine.phase).append('\n'));
        return text.toString();
    }

    @Test
    void planShowsTheStepsAndChangesNothing() {
        Run run = upgrade("", args("plan"));

        assertThat(run).isEqualTo(new Run(ExitCodes.OK, LOG + "N.log'\n" + """
                Checking the model...
                Generating the upgrade plan...
                Upgrade model 'prod'
                \tUpgrade plan for 'db' to 14/stable
                \t\tBack up 'db' with create-backup on db/0
                \t\tRefresh 'db' to 14/stable
                \t\tFollow the refresh of 'db' unit by unit, running resume-refresh when it pauses
                \t\tWait for 'db' to be idle
                \t\tVerify the workload version of 'db'
                \tUpgrade plan for 'web' to stable
                \t\tRefresh 'web' to stable
                \t\tWait for 'web' to be idle
                \t\tVerify the workload version of 'web'
                \tUpgrade machine '1' to ubuntu@24.04
                \t\tPrepare machine '1' for ubuntu@24.04
                \t\tCheck that machine '1' runs ubuntu@24.04
                \t\t├── Complete the upgrade of machine '1' to ubuntu@24.04
                \t\t├── Wait for the units on machine '1' to be idle
                Please note that the actual upgrade steps could be different if the model changes, because the plan\
                 is made again when it runs.
                """ + LOG + "N.log'\n", ""));
        assertThat(StubJuju.calls(model)).containsExactly("status", "actions db", "actions web");
    }

    @Test
    void aRunHaltsUntilTheOperatorUpgradedTheMachinesSystemAndTheNextRunCompletesIt() {
        Run first = upgrade("", args("run", "--auto-approve"));

        assertThat(first.code()).isEqualTo(ExitCodes.UPGRADE_INCOMPLETE);
        assertThat(first.out()).contains("""
                [3/12] Follow the refresh of 'db' unit by unit, running resume-refresh when it pauses
                      waiting for unit db/2 to settle after its refresh (active: Workload 14.9 running; Snap revision\
                 432; Charm revision 432, agent executing)
                      the refreshed units of 'db' are healthy: running resume-refresh on db/1
                      resume-refresh on db/1: Refresh resumed. Unit 1 has refreshed
                """, """
                [10/12] halted: Check that machine '1' runs ubuntu@24.04: machine 1 runs ubuntu@22.04, not yet\
                 ubuntu@24.04. Upgrade its operating system (`juju ssh 1 -- sudo do-release-upgrade`, then `juju ssh 1\
                 -- sudo reboot`), then run this command again to complete the upgrade of the machine
                Skipping dependent step: Complete the upgrade of machine '1' to ubuntu@24.04
                Skipping dependent step: Wait for the units on machine '1' to be idle
                Upgrade machine '1' to ubuntu@24.04 executed in N seconds
                Upgrade not finished: these steps are waiting for you:
                  - Check that machine '1' runs ubuntu@24.04: machine 1 runs ubuntu@22.04""");
        assertThat(first.err()).isEmpty();

        change(state -> state.machines.get("1").os = "24.04");
        Run second = upgrade("", args("run", "--auto-approve"));

        assertThat(second).isEqualTo(new Run(ExitCodes.OK, LOG + "N.log'\n" + """
                Checking the model...
                waiting for unit db/1 to be idle (its agent is executing)
                Generating the upgrade plan...
                Upgrade model 'prod'
                \tUpgrade machine '1' to ubuntu@24.04
                \t\tCheck that machine '1' runs ubuntu@24.04
                \t\t├── Complete the upgrade of machine '1' to ubuntu@24.04
                \t\t├── Wait for the units on machine '1' to be idle
                Already done:
                  - 'db' is at 14/stable, idle, with workload version 14.9
                  - 'web' is at stable, idle, with workload version 1.26
                  - machine '1' is prepared for ubuntu@24.04
                [1/3] Check that machine '1' runs ubuntu@24.04
                [1/3] done in N s: Check that machine '1' runs ubuntu@24.04
                [2/3] Complete the upgrade of machine '1' to ubuntu@24.04
                [2/3] done in N s: Complete the upgrade of machine '1' to ubuntu@24.04
                [3/3] Wait for the units on machine '1' to be idle
                      waiting for unit db/1 to be idle (agent executing)
                      waiting for the units on machine '1' to stay idle
                [3/3] done in N s: Wait for the units on machine '1' to be idle
                Upgrade machine '1' to ubuntu@24.04 executed in N seconds
                Upgrade completed.
                """ + LOG + "N.log'\n", ""));
        assertThat(changes()).containsExactly(Map.entry("refresh db --channel 14/stable", 1L),
                Map.entry("refresh web --channel stable", 1L), Map.entry("run db/0 create-backup", 1L),
                Map.entry("run db/1 resume-refresh", 1L), Map.entry("upgrade-machine 1 complete", 1L),
                Map.entry("upgrade-machine 1 prepare ubuntu@24.04 --yes", 1L));
        assertThat(summary()).isEqualTo("""
                db 14/stable 432 db/0=432/active db/1=432/active db/2=432/active
                web stable 42 web/0=42/active web/1=42/active
                machine 0 ubuntu@22.04\s
                machine 1 ubuntu@24.04\s
                machine 2 ubuntu@22.04\s
                """);
    }

    @Test
    void stoppedAtAnyCallToJujuTheNextRunFinishesTheUpgradeWithoutRepeatingAStep() {
        change(state -> state.machines.get("1").os = "24.04");
        StubJuju.State start = StubJuju.load(model);
        AtomicInteger callsWhileRunning = new AtomicInteger();
        beforeEachCall = command -> {
            if (interrupter != null) {
                callsWhileRunning.incrementAndGet();
            }
        };
        assertThat(upgrade("", args("run", "--auto-approve")).code()).isEqualTo(ExitCodes.OK);
        Map<String, Long> once = changes();
        String upgraded = summary();
        assertThat(once.values()).containsOnly(1L);

        for (int stopAt = 1; stopAt <= callsWhileRunning.get(); stopAt++) {
            model = temp.resolve("model-" + stopAt);
            StubJuju.save(model, start);
            int target = stopAt;
            AtomicInteger seen = new AtomicInteger();
            beforeEachCall = command -> {
                if (interrupter != null && seen.incrementAndGet() == target) {
                    interrupter.signal(StopSignal.SIGINT);
                }
            };
            Run stopped = upgrade("", args("run", "--auto-approve"));
            assertThat(stopped.code()).as("stopped at call %d", stopAt).isEqualTo(ExitCodes.STOPPED_BY_SIGINT);
            assertThat(stopped.out()).contains("reactive upgrade has been stopped safely (SIGINT): the running steps"
                    + " finished and nothing else started. Run the command again to go on.");
            List<String> before = StubJuju.calls(model);
            boolean backedUpOnly = before.contains("run db/0 create-backup")
                    && !before.contains("refresh db --channel 14/stable");

            beforeEachCall = command -> { };
            Run resumed = upgrade("", args("run", "--auto-approve"));

            assertThat(resumed.code()).as("resumed after a stop at call %d:%n%s", stopAt, resumed)
                    .isEqualTo(ExitCodes.OK);
            assertThat(summary()).as("stopped at call %d", stopAt).isEqualTo(upgraded);
            Map<String, Long> expected = new TreeMap<>(once);
            if (backedUpOnly) {
                expected.put("run db/0 create-backup", 2L);
            }
            assertThat(changes()).as("stopped at call %d", stopAt).isEqualTo(expected);
        }
    }

    @Test
    void aFailingStepEndsTheRunAndTheNextRunGoesOnFromThere() {
        change(state -> state.failures.put("refresh web", "ERROR cannot refresh \"web\": charm store unreachable"));

        Run failed = upgrade("", "run", "--auto-approve", "--target", "db=14/stable", "--target", "web=stable");

        assertThat(failed.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(failed.err()).isEqualTo("error: 'Refresh 'web' to stable' failed: cannot refresh 'web': `juju"
                + " refresh web --channel stable` exited with 1: ERROR cannot refresh \"web\": charm store unreachable\n");
        assertThat(failed.out()).contains("[6/8] failed: Refresh 'web' to stable: cannot refresh 'web'",
                "The steps before the failure are done; fix the problem and run the command again to go on.");

        change(state -> state.failures.clear());
        Run resumed = upgrade("", "run", "--auto-approve", "--target", "db=14/stable", "--target", "web=stable");

        assertThat(resumed.code()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out()).contains("Already done:\n  - 'db' is at 14/stable, idle, with workload version 14.9\n");
        assertThat(changes()).containsExactly(Map.entry("refresh db --channel 14/stable", 1L),
                Map.entry("refresh web --channel stable", 2L), Map.entry("run db/0 create-backup", 1L),
                Map.entry("run db/1 resume-refresh", 1L));
    }

    @Test
    void aUnitFailingItsRefreshStopsTheRunAndSaysHowToRecover() {
        change(state -> state.applications.get("db").failOnRefresh = "db/1");

        Run run = upgrade("", "run", "--auto-approve", "--target", "db=14/stable");

        assertThat(run.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(run.err()).isEqualTo("error: 'Follow the refresh of 'db' unit by unit, running resume-refresh when"
                + " it pauses' failed: unit db/1 is in error (error: hook failed: \"upgrade-charm\"); see `juju debug-log"
                + " --include db/1`, fix it, run `juju resolve db/1`, then run this command again\n");
        assertThat(changes()).doesNotContainKey("refresh web --channel stable");
    }

    @Test
    void aWrongWorkloadVersionFailsTheVerification() {
        Run run = upgrade("", "run", "--auto-approve", "--target", "db=14/stable", "--expect-version", "db=14.10");

        assertThat(run.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(run.err()).isEqualTo("error: 'Verify the workload version of 'db' is 14.10' failed: the workload"
                + " version of 'db' is not 14.10: db/0 reports 14.9, db/1 reports 14.9, db/2 reports 14.9\n");
    }

    @Test
    void aModelWithAUnitInErrorIsRefusedBeforeAnythingChanges() {
        change(state -> {
            StubJuju.Unit unit = state.applications.get("web").units.get("web/1");
            unit.workload = "error";
            unit.message = "hook failed: \"config-changed\"";
        });

        Run run = upgrade("y\n", args("run", "--target", "dbb=14/edge"));

        assertThat(run).isEqualTo(new Run(ExitCodes.UPGRADE_FAILED, LOG + "N.log'\nChecking the model...\n" + LOG
                + "N.log'\n", """
                error: Model 'prod' is not ready for this upgrade:
                  - --target names no application of the model: 'dbb' (did you mean 'db'?)
                  - unit web/1 is in error (error: hook failed: "config-changed"); see `juju debug-log --include\
                 web/1`, fix it, run `juju resolve web/1`, then run this command again
                Fix these, then run the command again.
                """));
        assertThat(StubJuju.calls(model)).containsExactly("status");
    }

    @Test
    void aModelThatStaysBusyIsRefusedAfterTheTimeout() {
        change(state -> state.applications.get("db").units.get("db/0").busy = Integer.MAX_VALUE);

        Run run = upgrade("", args("plan", "--timeout", "1"));

        assertThat(run.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(run.err()).isEqualTo("error: Model is not idle: waited 1 min for unit db/0 to be idle (its agent"
                + " is executing). Wait for it, or raise --timeout, then run the command again.\n");
    }

    @Test
    void theStartIsNotApprovedByDefault() {
        Run run = upgrade("\n", args("run"));

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\t\t├── Wait for the units on machine '1' to be idle\n"
                + "Would you like to start the upgrade? Continue (y/N): Exiting without upgrading.\n");
        assertThat(changes()).isEmpty();
    }

    @Test
    void eachApplicationIsShownAndAskedForAndANoAbortsThePlan() {
        Run run = upgrade("y\nmaybe\ny\nn\n", args("run"));

        assertThat(run.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        String db = """
                Upgrade plan for 'db' to 14/stable
                \tBack up 'db' with create-backup on db/0
                \tRefresh 'db' to 14/stable
                \tFollow the refresh of 'db' unit by unit, running resume-refresh when it pauses
                \tWait for 'db' to be idle
                \tVerify the workload version of 'db'
                Continue (y/n): \
                """;
        assertThat(run.out()).contains("Would you like to start the upgrade? Continue (y/N): " + db
                + "No valid input provided!\n" + db + "[1/12] Back up 'db' with create-backup on db/0\n");
        assertThat(run.out()).contains("""
                Upgrade plan for 'web' to stable
                \tRefresh 'web' to stable
                \tWait for 'web' to be idle
                \tVerify the workload version of 'web'
                Continue (y/n): Aborting plan
                """);
        assertThat(changes()).containsOnlyKeys("refresh db --channel 14/stable", "run db/0 create-backup",
                "run db/1 resume-refresh");
    }

    @Test
    void theEndOfTheAnswersDeclinesTheNextApplication() {
        Run run = upgrade("y\n", args("run"));

        assertThat(run.code()).isEqualTo(ExitCodes.UPGRADE_FAILED);
        assertThat(run.out()).contains("Continue (y/n): \nAborting plan\n");
        assertThat(changes()).isEmpty();
    }

    @Test
    void aSecondSignalInterruptsTheRunningStepAndSaysSo() {
        beforeEachCall = command -> {
            if (interrupter != null && command.arguments().get(0).equals("refresh")) {
                Interrupter stop = interrupter;
                signalFromAnotherThread(() -> {
                    stop.signal(StopSignal.SIGTERM);
                    stop.signal(StopSignal.SIGTERM);
                });
            }
        };

        Run run = upgrade("", args("run", "--auto-approve"));

        assertThat(run.code()).isEqualTo(ExitCodes.STOPPED_BY_SIGTERM);
        assertThat(run.out()).contains("""
                [2/12] Refresh 'db' to 14/stable
                Canceling the upgrade (SIGTERM): the running steps finish, no new step starts. Press Ctrl+C again to\
                 stop them at once.
                Stopping the upgrade at once (SIGTERM): interrupting 'Refresh 'db' to 14/stable'.
                [2/12] terminated: Refresh 'db' to 14/stable
                """, "reactive upgrade has been terminated without waiting (SIGTERM): interrupted 'Refresh 'db' to"
                + " 14/stable'. Their work may be half done: look at `juju status` before running the command again.\n");
    }

    @Test
    void upgradeAloneIsAUsageErrorNamingItsCommands() {
        Run run = upgrade("");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Missing command: give plan or run.\nUsage: reactive upgrade [-hV] (plan |"
                + " run)\n");
    }

    @Test
    void nothingToUpgradeIsAUsageError() {
        Run run = upgrade("", "run");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: Nothing to upgrade: give at least one --target or --series-upgrade\n");
    }

    @Test
    void aMalformedTargetIsAUsageError() {
        Run run = upgrade("", "plan", "--target", "db");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("""
                error: Invalid value for option '--target' (APP=CHANNEL|REVISION|CHANNEL@REVISION): 'db': expected\
                 APP=CHANNEL, APP=REVISION or APP=CHANNEL@REVISION, such as db=14/stable, db=432 or db=14/stable@432
                Try 'reactive upgrade plan --help' for more information.
                """);
    }

    @Test
    void theExecutionLogHoldsThePlanEveryStepAndEveryJujuCommand() throws Exception {
        Run run = upgrade("", "run", "--auto-approve", "--target", "web=stable");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        List<Path> logs;
        try (var files = Files.list(temp.resolve(".local/share/reactive/log"))) {
            logs = files.toList();
        }
        assertThat(logs).hasSize(1);
        Path log = logs.get(0);
        assertThat(log.getFileName().toString()).matches("reactive-upgrade-\\d{14}\\.log");
        String text = Files.readString(log);
        assertThat(text).contains(
                "[juju] [DEBUG] `juju status --format=json` exited with 0\n{\n",
                "[reactive] [INFO] Plan:\nUpgrade model 'prod'\n\tUpgrade plan for 'web' to stable\n",
                "[plan] [INFO] Started: Refresh 'web' to stable\n",
                "[juju] [DEBUG] `juju refresh web --channel stable` exited with 0\n",
                "[step] [INFO] Wait for 'web' to be idle: waiting for unit web/0 to be idle",
                "[plan] [INFO] Finished: COMPLETED\n");
    }

    @Test
    void anUpgradeWithNothingLeftToDoSaysSo() {
        upgrade("", "run", "--auto-approve", "--target", "web=stable");

        Run again = upgrade("", "run", "--auto-approve", "--target", "web=stable");

        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Already done:\n  - 'web' is at stable, idle, with workload version 1.26\n"
                + "Nothing to do: the model is already upgraded as asked.\n");
    }

    /**
     * Runs {@code signals} on a thread of its own, as the JVM delivers signals, and waits for it; the step this
     * thread runs for may be interrupted meanwhile, which is kept for the step to see.
     */
    private static void signalFromAnotherThread(Runnable signals) {
        Thread signaller = new Thread(signals, "test-signals");
        signaller.start();
        boolean interrupted = false;
        while (signaller.isAlive()) {
            try {
                signaller.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock that moves one second each time it is read, so waits time out instead of hanging a broken test. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-05-04T10:15:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }
}
