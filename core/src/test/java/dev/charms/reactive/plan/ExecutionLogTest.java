package dev.charms.reactive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T10:15:02.117Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final Step refresh = Step.of("Refresh 'db'", context -> context.log("resume-refresh on db/1"));
    private final Step verify = Step.of("Verify 'db'", context -> {
        throw new IllegalStateException("db/0 reports 14.8, expected 14.9");
    });
    private final Step plan = Step.builder("Upgrade model 'prod'").add(refresh).add(verify).build();

    @Test
    void writesEveryEventOfARunToAFileNamedAfterItsStart() throws IOException {
        Path path;
        try (ExecutionLog log = ExecutionLog.create(directory.resolve("log"), "reactive-upgrade", CLOCK)) {
            log.log("juju", ExecutionLog.Level.DEBUG, "juju status --format=json\n{}");
            PlanRunner.builder().listener(log).clock(CLOCK).build().run(plan);
            path = log.path();
            assertThat(log.error()).isEmpty();
        }

        assertThat(path).isEqualTo(directory.resolve("log/reactive-upgrade-20260504101502.log"));
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(path);
        assertThat(text).startsWith("""
                2026-05-04 10:15:02,117 [juju] [DEBUG] juju status --format=json
                {}
                2026-05-04 10:15:02,117 [plan] [INFO] Plan:
                Upgrade model 'prod'
                \tRefresh 'db'
                \tVerify 'db'
                2026-05-04 10:15:02,117 [plan] [INFO] Started: Upgrade model 'prod'
                2026-05-04 10:15:02,117 [plan] [INFO] Started: Refresh 'db'
                2026-05-04 10:15:02,117 [step] [INFO] Refresh 'db': resume-refresh on db/1
                2026-05-04 10:15:02,117 [plan] [INFO] DONE: Refresh 'db' (0 ms)
                2026-05-04 10:15:02,117 [plan] [INFO] Started: Verify 'db'
                2026-05-04 10:15:02,117 [plan] [ERROR] FAILED: Verify 'db'
                java.lang.IllegalStateException: db/0 reports 14.8, expected 14.9
                """);
        assertThat(text).endsWith("""
                2026-05-04 10:15:02,117 [plan] [ERROR] FAILED: Upgrade model 'prod'
                2026-05-04 10:15:02,117 [plan] [INFO] Finished: FAILED
                """);
    }

    @Test
    void aSecondLogInTheSameSecondGetsAFileOfItsOwn() throws IOException {
        try (ExecutionLog first = ExecutionLog.create(directory, "reactive-upgrade", CLOCK);
                ExecutionLog second = ExecutionLog.create(directory, "reactive-upgrade", CLOCK)) {
            assertThat(first.path().getFileName()).hasToString("reactive-upgrade-20260504101502.log");
            assertThat(second.path().getFileName()).hasToString("reactive-upgrade-20260504101502-1.log");
        }
    }

    @Test
    void progressNumbersTheStepsAndSaysHowEachEnded() {
        StringWriter out = new StringWriter();
        Step app = Step.builder("Upgrade plan for 'db'").needsApproval().add(refresh).build();
        Step halts = Step.of("Check machine '1'", context -> {
            throw new StepHalt("upgrade its OS, then run again");
        });
        Step dependent = Step.builder("Complete machine '1'").action(context -> { }).dependent().build();

        PlanRunner.builder().listener(new ConsoleProgress(new PrintWriter(out), "upgrade")).clock(CLOCK).build()
                .run(Step.builder("plan").add(app).add(halts).add(dependent).add(verify).build());

        assertThat(out.toString()).isEqualTo("""
                [1/4] Refresh 'db'
                      resume-refresh on db/1
                [1/4] done in 0 s: Refresh 'db'
                Upgrade plan for 'db' executed in 0 seconds
                [2/4] Check machine '1'
                [2/4] halted: Check machine '1': upgrade its OS, then run again
                Skipping dependent step: Complete machine '1'
                [3/4] Verify 'db'
                [3/4] failed: Verify 'db': db/0 reports 14.8, expected 14.9
                """);
    }
}
