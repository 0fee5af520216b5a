package dev.charms.reactive.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptTest {
    private static final String INSTALL = "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install";

    @TempDir
    Path directory;

    final List<Duration> sleeps = new ArrayList<>();

    /** An apt-get whose install fails the first {@code failures} times, then succeeds; update always works. */
    private StubCommands aptFailingInstalls(int failures) throws IOException {
        return new StubCommands(directory).recording("apt-get", String.join("\n",
                "echo \"DEBIAN_FRONTEND=$DEBIAN_FRONTEND\" >> \"$STUBS/env.log\"",
                "case \" $* \" in *' install '*) ;; *) exit 0 ;; esac",
                "n=$(cat \"$STUBS/count\" 2>/dev/null || echo 0); echo $((n + 1)) > \"$STUBS/count\"",
                "if [ \"$n\" -lt " + failures + " ]; then",
                "  echo 'E: Could not get lock /var/lib/dpkg/lock-frontend' >&2; exit 100",
                "fi"));
    }

    private Apt apt(StubCommands stubs, int attempts) {
        return new Apt(stubs.runner(), attempts, Duration.ofSeconds(7), sleeps::add);
    }

    @Test
    void installsNonInteractivelyKeepingOldConfigFiles() throws IOException {
        StubCommands stubs = aptFailingInstalls(0);

        apt(stubs, 10).install("hello", "openjdk-17-jre-headless");

        assertThat(stubs.calls()).containsExactly(INSTALL + " hello openjdk-17-jre-headless");
        assertThat(java.nio.file.Files.readAllLines(directory.resolve("env.log"))).containsExactly("DEBIAN_FRONTEND=noninteractive");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retriesAfterAWaitAndAnUpdateLikeLayerBasic() throws IOException {
        StubCommands stubs = aptFailingInstalls(2);

        apt(stubs, 10).install("hello");

        assertThat(stubs.calls()).containsExactly(
                INSTALL + " hello", "apt-get update",
                INSTALL + " hello", "apt-get update",
                INSTALL + " hello");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void givesUpAfterTheLastAttemptNamingThePackagesAndTheError() throws IOException {
        StubCommands stubs = aptFailingInstalls(99);

        assertThatThrownBy(() -> apt(stubs, 3).install("hello"))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.exitCode()).isEqualTo(100))
                .hasMessage("cannot install hello after 3 attempts: `" + INSTALL + " hello` exited with 100:"
                        + " E: Could not get lock /var/lib/dpkg/lock-frontend");
        assertThat(stubs.calls()).filteredOn(call -> call.startsWith(INSTALL)).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void updateIsRetriedWithoutAnExtraUpdate() throws IOException {
        StubCommands stubs = new StubCommands(directory).recording("apt-get",
                "n=$(cat \"$STUBS/count\" 2>/dev/null || echo 0); echo $((n + 1)) > \"$STUBS/count\"; [ \"$n\" -ge 1 ]");

        apt(stubs, 5).update();

        assertThat(stubs.calls()).containsExactly("apt-get update", "apt-get update");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void installingNothingRunsNothing() throws IOException {
        StubCommands stubs = aptFailingInstalls(0);

        apt(stubs, 10).install();

        assertThat(stubs.calls()).isEmpty();
    }

    @Test
    void refusesAPackageNameThatLooksLikeAnOption() {
        assertThatThrownBy(() -> new Apt((Command c) -> { throw new AssertionError("ran " + c); }).install("hello", "--purge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a package name: \"--purge\" in [hello, --purge]");
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new Apt(command -> null, 0, Duration.ZERO, Sleeper.SYSTEM))
                .hasMessage("apt needs at least 1 attempt, got 0");
    }
}
