package dev.charms.reactive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that commits state in a loop ({@link StateFileCommitLoop}) with SIGKILL at random moments, many
 * times, and checks after each kill that the file holds exactly the last state the child reported committed
 * or the one it was writing: never a mix, never a torn file.
 */
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "destroyForcibly is SIGKILL only on POSIX systems")
class StateFileCrashTest {
    private static final long SEED = 0x5EED_57A7EL;
    private static final int ROUNDS = 40;
    private static final int MAX_DELAY_MILLIS = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCommitKilledAtAnyMomentLeavesTheLastCommittedStateOrTheNextNeverHalfOfOne() throws Exception {
        Path unit = Files.createDirectory(dir.resolve("unit"));
        StateFile file = StateFile.at(unit.resolve("state.json"));
        Random random = new Random(SEED);
        long started = System.nanoTime();
        int killedMidWrite = 0;
        int leftTempFile = 0;
        long previous = 0;
        List<Child> children = new ArrayList<>();
        try {
            children.add(Child.start(file.path(), dir, 0));
            for (int round = 0; round < ROUNDS; round++) {
                Child child = children.get(round);
                child.awaitLine("ready");
                child.go();
                // The next JVM starts up while this one commits, so rounds do not wait for JVM start-up.
                children.add(Child.start(file.path(), dir, round + 1));
                child.awaitLine("done " + (previous + 1));
                Thread.sleep(random.nextInt(MAX_DELAY_MILLIS));
                child.kill();

                String where = "round " + round + ", child's last line \"" + child.lastLine + "\"";
                JsonObject onDisk = assertDoesNotThrow(file::read, where);
                long n = StateFileCommitLoop.counter(onDisk);
                if (child.lastLine.startsWith("begin ")) {
                    killedMidWrite++;
                    assertThat(n).as(where).isIn(child.lastDone, child.lastDone + 1);
                } else {
                    assertThat(n).as(where).isEqualTo(child.lastDone);
                }
                assertThat(onDisk).as(where).isEqualTo(StateFileCommitLoop.state(n));
                leftTempFile += tempFiles(unit).isEmpty() ? 0 : 1;
                previous = n;
            }
        } finally {
            children.forEach(Child::kill);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("StateFile crash test: %d rounds, %d kills landed mid-write, %d left a temporary file,"
                + " last state %d, %d ms%n", ROUNDS, killedMidWrite, leftTempFile, previous, millis);

        assertThat(killedMidWrite).as("kills that landed between begin and done").isPositive();
        file.write(StateFileCommitLoop.state(previous + 1));
        assertThat(tempFiles(unit)).as("stale temporary files after a write by a live process").isEmpty();
    }

    private static List<Path> tempFiles(Path unit) throws IOException {
        try (Stream<Path> entries = Files.list(unit)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** One child JVM running {@link StateFileCommitLoop}, and what it has printed so far. */
    private static final class Child {
        private final Process process;
        private final BufferedReader out;
        private final Path err;
        String lastLine = "";
        long lastDone;

        private Child(Process process, Path err) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.err = err;
        }

        /** Starts child {@code number}; its scratch file and standard error go to {@code dir}. */
        static Child start(Path state, Path dir, int number) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path err = dir.resolve("child-" + number + ".err");
            // C1 only and a serial GC: the child starts fast and takes little CPU from the one still committing.
            Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), StateFileCommitLoop.class.getName(),
                    state.toString(), dir.resolve("warm-up-" + number).toString())
                    .redirectError(err.toFile())
                    .start();
            return new Child(process, err);
        }

        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        }

        void awaitLine(String expected) throws IOException {
            while (!expected.equals(lastLine)) {
                if (!readLine()) {
                    fail("the child exited before printing \"" + expected + "\"; its stderr:%n%s",
                            Files.readString(err));
                }
            }
        }

        /**
         * Kills the child with SIGKILL, waits for it, and reads what it printed before it died. Through its
         * ProcessHandle: Process.destroyForcibly would also close the pipe that still holds those lines.
         */
        void kill() {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor();
                while (readLine()) {
                    // Reads up to end of stream; readLine records each line.
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("could not reap the child", e);
            }
        }

        private boolean readLine() throws IOException {
            String line = out.readLine();
            if (line == null) {
                return false;
            }
            lastLine = line;
            if (line.startsWith("done ")) {
                lastDone = Long.parseLong(line.substring("done ".length()));
            }
            return true;
        }
    }
}
