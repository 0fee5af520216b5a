package dev.charms.reactive.layers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.charms.reactive.layers.juju.StubJuju;
import dev.charms.reactive.layers.juju.StubModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real signal path: {@code reactive upgrade run} in a JVM of its own (the production {@link Main}, {@code
 * juju} run by the production runner in a session of its own), over the stub juju as a program, and real SIGINT
 * and SIGTERM sent while {@code juju refresh} runs. The stub holds that call until the test releases it, so the
 * order of events is fixed by files, not by timing.
 */
class UpgradeSignalsTest {
    /** How long the test waits for what should happen within seconds, before it fails instead of hanging. */
    private static final Duration GUARD = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    Path model;
    Path started;
    Path release;

    @BeforeEach
    void blockTheRefresh() {
        model = temp.resolve("model");
        started = temp.resolve("refresh-started");
        release = temp.resolve("refresh-released");
        StubJuju.State state = StubModels.prod();
        state.block = new StubJuju.Block();
        state.block.call = "refresh db";
        state.block.started = started.toString();
        state.block.release = release.toString();
        StubJuju.save(model, state);
    }

    @Test
    void ctrlCAtTheTerminalLetsTheRunningJujuCommandFinishAndStopsSafely() throws Exception {
        Child child = Child.start(command());
        awaitFile(started, child);

        signal("-INT", "-" + child.pid());
        child.awaitOutput("Canceling the upgrade (SIGINT)");
        Files.createFile(release);

        assertThat(child.exitCode()).isEqualTo(ExitCodes.STOPPED_BY_SIGINT);
        assertThat(child.output()).contains("[1/4] done in ", " s: Refresh 'db' to 14/stable\n",
                "reactive upgrade has been stopped safely (SIGINT): the running steps finished and nothing else"
                        + " started. Run the command again to go on.\n");
        assertThat(StubJuju.load(model).applications.get("db").revision).isEqualTo(432);
        assertThat(StubJuju.calls(model)).containsExactly("status", "actions db", "refresh db --channel 14/stable");
    }

    @Test
    void aSecondSigtermStopsTheRunningJujuCommandAtOnce() throws Exception {
        Child child = Child.start(command());
        awaitFile(started, child);
        long stub = Long.parseLong(Files.readString(started).split(" ", 2)[0]);

        signal("-TERM", Long.toString(child.pid()));
        child.awaitOutput("Canceling the upgrade (SIGTERM)");
        signal("-TERM", Long.toString(child.pid()));

        assertThat(child.exitCode()).isEqualTo(ExitCodes.STOPPED_BY_SIGTERM);
        assertThat(child.output()).contains("Stopping the upgrade at once (SIGTERM): interrupting 'Refresh 'db' to"
                + " 14/stable'.\n", "reactive upgrade has been terminated without waiting (SIGTERM): interrupted"
                + " 'Refresh 'db' to 14/stable'.");
        assertThat(ProcessHandle.of(stub).map(ProcessHandle::isAlive)).as("the interrupted stub juju").isNotEqualTo(
                java.util.Optional.of(true));
        assertThat(StubJuju.load(model).applications.get("db").revision).isEqualTo(420);
    }

    /**
     * {@code reactive upgrade run} as a new session (so the test can signal its whole process group, as a terminal
     * does), with SIGINT back to its default if this JVM was started with it ignored (a background job).
     */
    private List<String> command() throws IOException {
        Path juju = StubJuju.installScript(model);
        List<String> command = new ArrayList<>(List.of("setsid"));
        if (sigintIgnoredHere()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "upgrade", "run", "--auto-approve", "--no-backup", "--juju", juju.toString(), "--target",
                "db=14/stable", "--log-dir", temp.resolve("log").toString(), "--poll-interval", "0"));
        return command;
    }

    private static boolean sigintIgnoredHere() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private static void signal(String signal, String target) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, "--", target).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor()).as("kill %s %s: %s", signal, target, said).isZero();
    }

    private void awaitFile(Path file, Child child) throws InterruptedException {
        await(() -> Files.exists(file), () -> "the stub juju to start `refresh db`; the child printed:\n"
                + child.output());
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(GUARD);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited " + GUARD.toSeconds() + " s for " + what.get());
            }
            Thread.sleep(20);
        }
    }

    /** The child JVM, with what it printed so far (standard output and error together). */
    private static final class Child {
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.append(line).append('\n');
                    }
                } catch (IOException closed) {
                    output.append("(output closed: ").append(closed.getMessage()).append(")\n");
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(List<String> command) throws IOException {
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        long pid() {
            return process.pid();
        }

        String output() {
            return output.toString();
        }

        void awaitOutput(String text) throws InterruptedException {
            await(() -> output.indexOf(text) >= 0, () -> "the child to print \"" + text + "\"; it printed:\n" + output);
        }

        int exitCode() throws InterruptedException {
            await(() -> !process.isAlive(), () -> "the child to exit; it printed:\n" + output);
            return process.exitValue();
        }
    }
}
