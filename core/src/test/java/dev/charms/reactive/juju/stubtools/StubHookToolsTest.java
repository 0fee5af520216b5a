package dev.charms.reactive.juju.stubtools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.ProcessCommandRunner;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.stubtools.StubHookTools.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stubs as a shell script or the dispatch script would call them, without the Java backend. */
class StubHookToolsTest {
    @TempDir
    Path directory;

    StubHookTools tools;

    @BeforeEach
    void install() {
        tools = StubHookTools.install(directory, "hello/0");
    }

    private CommandResult run(Map<String, String> extra, String stdin, String... argv) {
        Map<String, String> environment = new HashMap<>(tools.environment());
        environment.putAll(extra);
        return new ProcessCommandRunner(environment).run(Command.of(argv).withStdin(stdin));
    }

    private CommandResult run(String... argv) {
        return run(Map.of(), "", argv);
    }

    @Test
    void installsOneLinkPerToolNextToTheScript() {
        for (String tool : StubHookTools.TOOLS) {
            assertThat(Files.isSymbolicLink(tools.binDirectory().resolve(tool))).as(tool).isTrue();
        }
        assertThat(Files.isExecutable(tools.binDirectory().resolve("hook-tool"))).isTrue();
        assertThat(tools.environment()).containsEntry("STUB_STATE_DIR", tools.stateDirectory().toString())
                .containsEntry("JUJU_UNIT_NAME", "hello/0");
        assertThat(tools.environment().get("PATH")).startsWith(tools.binDirectory() + ":");
    }

    @Test
    void recordsEveryCallOnOneLineWhateverItsArguments() {
        run("juju-log", "-l", "DEBUG", "--", "tab\there", "new\nline", "back\\slash");
        run("is-leader");

        assertThat(tools.calls()).containsExactly(
                new Call("juju-log", List.of("-l", "DEBUG", "--", "tab\there", "new\nline", "back\\slash")),
                new Call("is-leader", List.of()));
        assertThat(tools.jujuLog()).extracting(StubHookTools.LogEntry::message)
                .containsExactly("tab\there new\nline back\\slash");
    }

    @Test
    void relationDataSurvivesJsonEscapesBothWays() {
        tools.relation("db:3", "mysql", "mysql/0");
        String tricky = "é \u00e9 😀 \u0001 \"quoted\" back\\slash\ttab\nline";

        CommandResult set = run(Map.of(), "{\"k\":\"é \\u00e9 \\ud83d\\ude00 \\u0001 \\\"quoted\\\" back\\\\slash\\ttab\\nline\"}",
                "relation-set", "-r", "db:3", "--file", "-", "plain=value with spaces");

        assertThat(set.exitCode()).as(set.stderr()).isZero();
        assertThat(tools.relationData("db:3", "hello/0")).containsEntry("k", tricky).containsEntry("plain", "value with spaces");
        assertThat(run("relation-get", "--format=json", "-r", "db:3", "k", "hello/0").stdout())
                .isEqualTo("\"é é 😀 \\u0001 \\\"quoted\\\" back\\\\slash\\ttab\\nline\"\n");
    }

    @Test
    void answersIsLeaderInSmartFormatToo() {
        assertThat(run("is-leader").stdout()).isEqualTo("False\n");
        tools.leader(true);
        assertThat(run("is-leader", "--format=json").stdout()).isEqualTo("true\n");
    }

    @Test
    void failsLikeJuju() {
        CommandResult badStatus = run("status-set", "happy");
        CommandResult actionOutsideAction = run("action-get");
        CommandResult noRelation = run("relation-list");
        CommandResult unknownFlag = run("config-get", "--bogus");

        assertThat(badStatus.exitCode()).isEqualTo(2);
        assertThat(badStatus.stderr()).isEqualTo("ERROR invalid status \"happy\", expected one of [maintenance blocked waiting active]\n");
        assertThat(actionOutsideAction.exitCode()).isEqualTo(1);
        assertThat(actionOutsideAction.stderr()).isEqualTo("ERROR not running an action\n");
        assertThat(noRelation.exitCode()).isEqualTo(2);
        assertThat(noRelation.stderr()).isEqualTo("ERROR no relation id specified\n");
        assertThat(unknownFlag.exitCode()).isEqualTo(2);
    }

    @Test
    void statusGetAnswersTheStatusArrangedBeforeUntilAStatusSet() {
        tools.leader(true).status(false, new StatusValue("active", "ready")).status(true, new StatusValue("waiting", "peers"));

        assertThat(run("status-get", "--format=json").stdout())
                .isEqualTo("{\"status\":\"active\",\"message\":\"ready\",\"status-data\":{}}\n");
        assertThat(run("status-get", "--format=json", "--application").stdout()).contains("\"application-status\":{",
                "\"status\":\"waiting\"");
        run("status-set", "blocked", "no db");
        assertThat(run("status-get", "--format=json").stdout()).contains("\"status\":\"blocked\"");
        assertThat(tools.statusHistory()).extracting(StubHookTools.StatusEntry::status)
                .containsExactly(new StatusValue("blocked", "no db"));
    }

    @Test
    void aFailFileMakesAToolFailUntilRemoved() {
        tools.failing("status-set", 1, "ERROR connection is shut down");

        CommandResult result = run("status-set", "active");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("ERROR connection is shut down\n");
        assertThat(tools.statusHistory()).isEmpty();
        assertThat(tools.calls()).hasSize(1);
    }

    @Test
    void relationHookDefaultsComeFromTheEnvironment() {
        tools.relation("db:3", "mysql", "mysql/0").relationData("db:3", "mysql/0", Map.of("host", "db.local"));
        Map<String, String> hook = Map.of("JUJU_RELATION_ID", "db:3", "JUJU_REMOTE_UNIT", "mysql/0", "JUJU_RELATION", "db");

        assertThat(run(hook, "", "relation-get", "host").stdout()).isEqualTo("\"db.local\"\n");
        assertThat(run(hook, "", "relation-ids").stdout()).isEqualTo("[\"db:3\"]\n");
        assertThat(run(hook, "", "relation-list", "--app").stdout()).isEqualTo("\"mysql\"\n");
    }
}
