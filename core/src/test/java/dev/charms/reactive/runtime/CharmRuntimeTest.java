package dev.charms.reactive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.stubtools.StubHookTools;
import dev.charms.reactive.juju.stubtools.StubHookTools.Call;
import dev.charms.reactive.juju.stubtools.StubHookTools.LogEntry;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main's work end to end, in-process, against the stub hook tools: real processes, real files. */
class CharmRuntimeTest {
    @TempDir
    Path root;

    private Path charmDir;
    private StubHookTools tools;
    private ClassLoader loader;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        charmDir = Files.createDirectories(root.resolve("charm"));
        Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: mysql\n");
        Files.writeString(charmDir.resolve("config.yaml"), """
                options:
                  name: {type: string, default: app}
                  fail: {type: boolean, default: false}
                  unwritable: {type: boolean, default: false}
                """);
        Files.writeString(charmDir.resolve("actions.yaml"), """
                backup:
                  params:
                    target: {type: string}
                  required: [target]
                idle:
                """);
        tools = StubHookTools.install(root.resolve("tools"), "app/0")
                .config(Map.of("name", "app", "fail", false))
                .leader(true);
        Path systemctl = tools.binDirectory().resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> \"$STUB_STATE_DIR/systemctl.log\"\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path services = Files.createDirectories(root.resolve("classes/META-INF/services"));
        Files.writeString(services.resolve("dev.charms.reactive.spi.HandlerIndex"), RuntimeCharm.Index.class.getName() + "\n");
        loader = new URLClassLoader(new URL[] {root.resolve("classes").toUri().toURL()}, getClass().getClassLoader());
        assertThat(HandlerDiscovery.discover(loader, warning -> { })).hasSize(1);
    }

    private Map<String, String> hook(String dispatchPath) {
        Map<String, String> env = new HashMap<>(tools.environment());
        env.put("JUJU_DISPATCH_PATH", dispatchPath);
        env.put("JUJU_CHARM_DIR", charmDir.toString());
        env.put("JUJU_CONTEXT_ID", "app/0-test-1");
        env.put(CharmRuntime.FILES_ROOT, root.resolve("machine").toString());
        String name = dispatchPath.substring(dispatchPath.indexOf('/') + 1);
        env.put(dispatchPath.startsWith("actions/") ? "JUJU_ACTION_NAME" : "JUJU_HOOK_NAME", name);
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        err.reset();
        return CharmRuntime.run(List.of(args), env, new PrintStream(err, true, StandardCharsets.UTF_8), loader);
    }

    private int run(String dispatchPath) {
        return run(hook(dispatchPath));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path stateFile() {
        return charmDir.resolve(".reactive/state.json");
    }

    /** The state file as written, {@code format} field included, read as the unit state. */
    private UnitState state() throws IOException {
        return UnitState.fromJson(JsonParser.parseString(Files.readString(stateFile())).getAsJsonObject());
    }

    private static List<String> tools(List<Call> calls) {
        return calls.stream().map(Call::tool).toList();
    }

    @Test
    void installConfigChangedAndASteadyUpdateStatus() throws IOException {
        assertThat(run("hooks/install")).as("stderr: %s", err).isZero();
        assertThat(stderr()).isEmpty();
        assertThat(state().flags()).contains("app.installed", "app.configured", "app.started")
                .noneMatch(flag -> flag.startsWith("config."));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(tools.stateDirectory().resolve("systemctl.log"))).isEqualTo("restart app\n");
        assertThat(tools.statusHistory()).extracting(s -> s.status().message())
                .containsExactly("installing on app/0", "ready");
        assertThat(tools.jujuLog()).hasSize(1);
        assertThat(tools.jujuLog().get(0).message()).contains("Reactive main running for hook install",
                "Invoking reactive handler: RuntimeCharm.install");

        assertThat(root.resolve("machine/etc/app/app.conf")).as("written under %s", CharmRuntime.FILES_ROOT)
                .hasContent("name=app");
        tools.config(Map.of("name", "other", "fail", false));
        assertThat(run("hooks/config-changed")).isZero();
        assertThat(Files.readString(tools.stateDirectory().resolve("systemctl.log"))).isEqualTo("restart app\nrestart app\n");

        int before = tools.calls().size();
        assertThat(run("hooks/update-status")).isZero();
        List<Call> calls = tools.calls().subList(before, tools.calls().size());
        assertThat(tools(calls)).containsOnlyOnce("config-get", "juju-log").doesNotContain("status-set")
                .containsExactlyInAnyOrder("config-get", "juju-log");
        assertThat(state().flags()).as("no handler watches leadership.*, so those flags cost no tool call")
                .contains("app.started").doesNotContain("leadership.is_leader");
    }

    @Test
    void aFailingHandlerExitsOneCommitsAndPublishesNothingAndLogsTheStackTrace() throws IOException {
        assertThat(run("hooks/install")).as("stderr: %s", err).isZero();
        byte[] committed = Files.readAllBytes(stateFile());
        tools.config(Map.of("name", "app", "fail", true));
        int before = tools.calls().size();

        assertThat(run("hooks/config-changed")).isEqualTo(CharmRuntime.FAILED);

        assertThat(Files.readAllBytes(stateFile())).isEqualTo(committed);
        List<Call> calls = tools.calls().subList(before, tools.calls().size());
        assertThat(tools(calls)).doesNotContain("leader-set", "relation-set").containsOnlyOnce("juju-log");
        LogEntry last = tools.jujuLog().get(tools.jujuLog().size() - 1);
        assertThat(last.level()).isEqualTo("ERROR");
        assertThat(last.message()).contains("Hook error:\njava.lang.IllegalStateException: configured to fail",
                "at dev.charms.reactive.runtime.RuntimeCharm.fail(");
        assertThat(stderr()).contains("hook config-changed failed in handler RuntimeCharm.fail");
    }

    @Test
    void aStateThatCannotBeWrittenFailsTheHookBeforeLeaderSettingsArePublished() throws IOException {
        assertThat(run("hooks/install")).as("stderr: %s", err).isZero();
        byte[] committed = Files.readAllBytes(stateFile());
        tools.config(Map.of("name", "app", "fail", false, "unwritable", true));
        int before = tools.calls().size();

        assertThat(run("hooks/config-changed")).isEqualTo(CharmRuntime.FAILED);

        assertThat(Files.readAllBytes(stateFile())).isEqualTo(committed);
        List<Call> calls = tools.calls().subList(before, tools.calls().size());
        assertThat(tools(calls)).as("the hook's log goes while the state is written; the error after it")
                .doesNotContain("leader-set").endsWith("juju-log", "juju-log").containsOnlyOnce("config-get");
        assertThat(tools.jujuLog().get(tools.jujuLog().size() - 1).message())
                .contains("Hook error:\njava.lang.IllegalArgumentException: Cannot write unit state file")
                .contains("unpaired UTF-16 surrogate");
        assertThat(stderr()).contains("hook config-changed failed");
    }

    @Test
    void aBadEnvironmentNamesTheVariable() {
        Map<String, String> env = hook("hooks/install");
        env.remove("JUJU_DISPATCH_PATH");

        assertThat(run(env)).isEqualTo(CharmRuntime.FAILED);

        assertThat(stderr()).contains("JUJU_DISPATCH_PATH");
        assertThat(tools.jujuLog()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo("ERROR");
            assertThat(line.message()).contains("JUJU_DISPATCH_PATH");
        });
        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void aBadCharmFileNamesTheFileLineAndColumnInTheLog() throws IOException {
        Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: {}\n");

        assertThat(run("hooks/install")).isEqualTo(CharmRuntime.FAILED);

        assertThat(stderr()).contains("metadata.yaml:3:7: requires relation \"db\" has no interface");
        assertThat(tools.jujuLog()).singleElement().satisfies(line -> assertThat(line.message())
                .startsWith("Hook error:\njava.lang.IllegalArgumentException: metadata.yaml:3:7:"));
        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void aRelationHookOfAnUndeclaredEndpointIsRefused() {
        Map<String, String> env = hook("hooks/dbx-relation-joined");
        env.put("JUJU_RELATION_ID", "dbx:1");

        assertThat(run(env)).isEqualTo(CharmRuntime.FAILED);

        assertThat(stderr()).contains("JUJU_DISPATCH_PATH", "did you mean db?");
    }

    @Test
    void theJujuInfoEndpointEveryCharmProvidesNeedsNoDeclaration() {
        Map<String, String> env = hook("hooks/juju-info-relation-joined");
        env.put("JUJU_RELATION_ID", "juju-info:4");
        env.put("JUJU_REMOTE_UNIT", "monitor/0");

        assertThat(run(env)).as("stderr: %s", err).isZero();
    }

    @Test
    void anActionSetsResultsAndItsFlagsWakeAHandlerInTheSameRun() throws IOException {
        assertThat(run("hooks/install")).as("stderr: %s", err).isZero();
        tools.actionParams(Map.of("target", "/srv"));

        assertThat(run("actions/backup")).isZero();

        assertThat(tools.actionResults()).containsEntry("target", "/srv");
        assertThat(tools.actionFailure()).isEmpty();
        assertThat(tools.statusHistory().get(tools.statusHistory().size() - 1).status().message())
                .isEqualTo("backed up");
        assertThat(state().flags()).doesNotContain("app.backed-up");
    }

    @Test
    void anActionWithBadParamsOrWithoutHandlerFailsAndExitsZero() {
        tools.actionParams(Map.of("targte", "/srv"));
        assertThat(run("actions/backup")).isZero();
        assertThat(tools.actionFailure()).hasValue(
                "invalid parameters for action backup: missing required parameter \"target\"");

        tools.actionParams(Map.of());
        assertThat(run("actions/idle")).isZero();
        assertThat(tools.actionFailure()).hasValue(
                "action idle has no handler in this charm: add @Action(\"idle\") to a handler method. "
                        + "Actions with handlers: backup");
    }

    @Test
    void trainingWritesOnlyTheDigestOfTheCharmFilesAndRunsNoHookTool() throws IOException {
        assertThat(run(hook("hooks/install"), CharmRuntime.TRAIN)).isZero();

        assertThat(stderr()).isEmpty();
        assertThat(tools.calls()).isEmpty();
        try (var files = Files.list(charmDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "metadata.yaml", "config.yaml", "actions.yaml", ".reactive");
        }
        try (var files = Files.list(charmDir.resolve(".reactive"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no class path record for a class loader over directories; no scratch state left")
                    .containsExactly("charm-files.json");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(charmDir.resolve(".reactive"))))
                .isEqualTo("rwx------");

        assertThat(run("hooks/install")).as("stderr: %s", err).isZero();
        assertThat(state().flags()).contains("app.installed", "app.started");
    }

    @Test
    void trainingFailsWithTheReasonWhenTheCharmFilesAreBad() throws IOException {
        Files.writeString(charmDir.resolve("metadata.yaml"), "name: app\nrequires:\n  db: {}\n");

        assertThat(run(hook("hooks/install"), CharmRuntime.TRAIN)).isEqualTo(CharmRuntime.FAILED);

        assertThat(stderr()).startsWith("training in " + charmDir + " failed")
                .contains("metadata.yaml:3:7: requires relation \"db\" has no interface");
        assertThat(tools.calls()).isEmpty();
    }

    @Test
    void anArchiveTheJvmRefusedIsRemovedSoThatTheNextHookPreparesANewOne() throws IOException {
        Path archive = Files.createDirectories(charmDir.resolve(".reactive")).resolve("classes.jsa");
        Files.writeString(archive, "made by another JVM");
        InMemoryJujuBackend backend = new InMemoryJujuBackend();

        CharmRuntime.dropRefusedArchive(charmDir, "mixed mode, sharing", backend);
        assertThat(archive).as("the JVM shares classes: the archive is in use").exists();
        assertThat(backend.log()).isEmpty();

        CharmRuntime.dropRefusedArchive(charmDir, "mixed mode", backend);
        assertThat(archive).doesNotExist();
        assertThat(backend.log()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(LogLevel.WARNING);
            assertThat(line.message()).contains(archive.toString(), "so that the next hook prepares a new one");
        });

        CharmRuntime.dropRefusedArchive(charmDir, "mixed mode", backend);
        assertThat(backend.log()).as("no archive, nothing to say").hasSize(1);
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertThat(run(hook("hooks/install"), "--trian")).isEqualTo(CharmRuntime.USAGE);
        assertThat(stderr()).startsWith("usage: java dev.charms.reactive.Main [--train]").contains("Unexpected: --trian");
    }

    static {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            throw new UncheckedIOException(new IOException("the stub hook tools need /bin/sh"));
        }
    }
}
