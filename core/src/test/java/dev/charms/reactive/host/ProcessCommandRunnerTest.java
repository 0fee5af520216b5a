package dev.charms.reactive.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCommandRunnerTest {
    @TempDir
    Path directory;

    StubCommands stubs;

    @BeforeEach
    void setUp() {
        stubs = new StubCommands(directory);
    }

    @Test
    void findsTheProgramOnItsOwnPathNotTheJvms() throws IOException {
        stubs.command("only-here", "echo found");

        CommandResult result = stubs.runner().run(Command.of("only-here"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("found\n");
    }

    @Test
    void passesArgumentsExactlyWithNoShellInBetween() throws IOException {
        stubs.command("args", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done");

        CommandResult result = stubs.runner().run(Command.of("args", "two words", "$HOME", "a;b", "'q'", "", "*"));

        assertThat(result.stdout()).isEqualTo("[two words]\n[$HOME]\n[a;b]\n['q']\n[]\n[*]\n");
    }

    @Test
    void childSeesExactlyTheRunnerEnvironmentPlusTheCommands() throws IOException {
        stubs.command("env-dump", "echo \"A=${A:-unset} B=${B:-unset} HOME=${HOME:-unset}\"");
        ProcessCommandRunner runner = new ProcessCommandRunner(Map.of("PATH", directory + ":/usr/bin:/bin", "A", "1"));

        CommandResult result = runner.run(Command.of("env-dump").withEnvironment(Map.of("B", "2")));

        assertThat(result.stdout()).isEqualTo("A=1 B=2 HOME=unset\n");
    }

    @Test
    void writesStandardInputAndReadsLargeOutputOnBothStreamsWithoutDeadlock() throws IOException {
        stubs.command("pump", "cat >/dev/null; i=0; while [ $i -lt 20000 ]; do"
                + " echo 'out line of some length to fill the pipe'; echo 'err line of some length' >&2; i=$((i+1)); done");
        String input = "x".repeat(1 << 20);

        CommandResult result = stubs.runner().run(Command.of("pump").withStdin(input));

        assertThat(result.stdout().lines()).hasSize(20000);
        assertThat(result.stderr().lines()).hasSize(20000);
    }

    @Test
    void echoesStandardInput() throws IOException {
        stubs.command("echo-in", "cat");

        assertThat(stubs.runner().run(Command.of("echo-in").withStdin("héllo\nworld")).stdout()).isEqualTo("héllo\nworld");
    }

    @Test
    void aCommandThatIgnoresItsInputIsNotAnError() throws IOException {
        stubs.command("deaf", "exit 0");

        assertThat(stubs.runner().run(Command.of("deaf").withStdin("y".repeat(1 << 20))).exitCode()).isZero();
    }

    @Test
    void aFailingCommandIsAResultNotAnException() throws IOException {
        stubs.command("sad", "echo 'it went wrong' >&2; exit 3");

        CommandResult result = stubs.runner().run(Command.of("sad"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("it went wrong\n");
        assertThatThrownBy(() -> result.orThrow("cannot be sad"))
                .isInstanceOf(CommandException.class)
                .hasMessage("cannot be sad: `sad` exited with 3: it went wrong");
    }

    @Test
    void aMissingProgramNamesItselfAndThePath() {
        assertThatThrownBy(() -> stubs.runner().run(Command.of("no-such-tool", "x")))
                .isInstanceOfSatisfying(CommandNotFoundException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(-1);
                    assertThat(e.path()).isEqualTo(directory + ":/usr/bin:/bin");
                })
                .hasMessage("cannot run `no-such-tool x`: no executable no-such-tool in any PATH directory (PATH="
                        + directory + ":/usr/bin:/bin)");
    }

    @Test
    void aNonExecutableFileOnThePathIsSkipped() throws IOException {
        java.nio.file.Files.writeString(directory.resolve("plain"), "not a program");

        assertThatThrownBy(() -> stubs.runner().run(Command.of("plain"))).isInstanceOf(CommandNotFoundException.class);
    }

    @Test
    void aCommandStillRunningAtTheTimeoutIsKilled() throws IOException {
        stubs.command("hang", "echo started >&2; sleep 60");

        assertThatThrownBy(() -> stubs.runner().withTimeout(Duration.ofMillis(300)).run(Command.of("hang")))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.exitCode()).isEqualTo(-1))
                .hasMessageContaining("`hang` did not finish within");
    }
}
