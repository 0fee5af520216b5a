package dev.charms.reactive.layers.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandException;
import dev.charms.reactive.host.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands ProcessJujuCli runs and how it reads their output, over the stub juju. */
class ProcessJujuCliTest {
    @TempDir
    Path model;

    private final List<List<String>> argv = new ArrayList<>();
    private final List<String> observed = new ArrayList<>();
    private ProcessJujuCli juju;

    @BeforeEach
    void prod() {
        StubJuju.save(model, StubModels.prod());
        juju = new ProcessJujuCli(new StubJujuRunner(model, command -> argv.add(command.argv())), "/snap/bin/juju",
                Optional.of("prod"), (Command command, CommandResult result) -> observed.add(command + " -> "
                        + result.exitCode()));
    }

    @Test
    void namesTheModelOnEveryCommandAndReadsJson() {
        assertThat(juju.status().applications()).containsOnlyKeys("db", "web");
        assertThat(juju.actions("db")).containsExactly("create-backup", "force-refresh-start", "pre-refresh-check",
                "resume-refresh");
        juju.refresh("db", Optional.of("14/stable"), OptionalInt.of(432));

        assertThat(argv).containsExactly(
                List.of("/snap/bin/juju", "status", "-m", "prod", "--format=json"),
                List.of("/snap/bin/juju", "actions", "-m", "prod", "db", "--format=json"),
                List.of("/snap/bin/juju", "refresh", "-m", "prod", "db", "--channel", "14/stable", "--revision", "432"));
        assertThat(observed).hasSize(3).allMatch(line -> line.endsWith(" -> 0"));
    }

    @Test
    void aFailedActionIsAResultNotAnException() {
        ActionResult done = juju.run("db/0", "create-backup", Map.of());
        ActionResult failed = juju.run("db/1", "resume-refresh", Map.of("check-health-of-refreshed-units", "false"));

        assertThat(done).isEqualTo(new ActionResult("db/0", "completed", "", Map.of("result", "backup 1 of db created")));
        assertThat(failed).isEqualTo(new ActionResult("db/1", "failed", "No refresh in progress", Map.of()));
        assertThat(failed.summary()).isEqualTo("No refresh in progress");
        assertThat(argv.get(1)).containsExactly("/snap/bin/juju", "run", "-m", "prod", "db/1", "resume-refresh",
                "check-health-of-refreshed-units=false", "--format=json");
    }

    @Test
    void aFailingCommandNamesItselfAndQuotesJuju() {
        assertThatThrownBy(() -> juju.run("db/7", "create-backup", Map.of()))
                .isInstanceOf(CommandException.class)
                .hasMessage("cannot run create-backup on db/7: `/snap/bin/juju run -m prod db/7 create-backup"
                        + " --format=json` exited with 1: ERROR unit \"db/7\" not found");
        assertThatThrownBy(() -> juju.completeMachine("1"))
                .isInstanceOf(CommandException.class)
                .hasMessage("cannot complete the upgrade of machine 1: `/snap/bin/juju upgrade-machine -m prod 1"
                        + " complete` exited with 1: ERROR machine \"1\" is not prepared for a series upgrade");
    }

    @Test
    void runsEachCommandInASessionOfItsOwnWhenAsked() {
        List<List<String>> seen = new ArrayList<>();
        NewSessionCommandRunner runner = new NewSessionCommandRunner(command -> {
            seen.add(command.argv());
            return new CommandResult(command, 0, "out", "");
        }, Path.of("/usr/bin/setsid"));

        CommandResult result = runner.run(Command.of("juju", "status"));

        assertThat(seen).containsExactly(List.of("/usr/bin/setsid", "--wait", "juju", "status"));
        assertThat(result.command()).isEqualTo(Command.of("juju", "status"));
        assertThat(result.stdout()).isEqualTo("out");
    }
}
