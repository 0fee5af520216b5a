package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.RelationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process driver over "built charms" whose dispatch is a shell script playing the runtime: it calls the stub
 * hook tools, logs in the runtime's batched format and writes {@code .reactive/state.json}. The real runtime
 * through a real built charm is exercised by the hello sample's {@code ProcessDriverSameResultIT}.
 */
class ProcessHookDriverTest {
    /**
     * The start of every fake dispatch: keeps the state it was given as {@code seen-<hook>.json}, logs one batch
     * (a DEBUG trace message of two lines and the handler line), and commits the flag {@code ran.<hook>}.
     */
    private static final String PROLOGUE = """
            #!/bin/sh
            set -eu
            hook=${JUJU_DISPATCH_PATH##*/}
            cp .reactive/state.json "seen-$hook.json"
            juju-log -l INFO -- "$(printf 'DEBUG: tracer>\\ntracer: %s\\nINFO: Invoking reactive handler: Fake.%s' \\
                "$hook" "$hook")"
            printf '{"format":1,"flags":{"ran.%s":null}}' "$hook" > .reactive/state.json
            """;

    @TempDir
    Path temp;

    private Path charm(String name, String body) throws IOException {
        Path dir = temp.resolve("built").resolve(name);
        Files.createDirectories(dir.resolve("hooks"));
        Files.writeString(dir.resolve("metadata.yaml"), "name: " + name + "\n");
        Path dispatch = dir.resolve("dispatch");
        Files.writeString(dispatch, PROLOGUE + body);
        Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("hooks/install"), Path.of("../dispatch"));
        return dir;
    }

    private ProcessHookDriver.Builder driver() {
        return ProcessHookDriver.builder().workDirectory(temp.resolve("work"));
    }

    @Test
    void runsDispatchInTheUnitsOwnCopyOfTheCharmWithJujusVariablesAndTheStubToolsFirstOnPath() throws IOException {
        Charm fake = Charm.of();
        Path host = temp.resolve("host");
        ProcessHookDriver driver = driver().charm(fake, charm("fake", "env | sort > \"env-$hook\"\npwd > cwd\n"))
                .path(host).environment("FAKE_SETTING", "on").build();

        new Model(driver).deploy("fake", fake, 2);

        Path unitDir = driver.charmDirectory("fake/1");
        assertThat(unitDir).isEqualTo(temp.resolve("work/units/fake-1/charm").toAbsolutePath());
        assertThat(Files.readString(unitDir.resolve("cwd")).strip()).isEqualTo(unitDir.toString());
        assertThat(Files.isSymbolicLink(unitDir.resolve("hooks/install"))).isTrue();
        Map<String, String> env = Files.readAllLines(unitDir.resolve("env-config-changed")).stream()
                .filter(line -> line.contains("=")).collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
        assertThat(env).containsEntry("JUJU_DISPATCH_PATH", "hooks/config-changed")
                .containsEntry("JUJU_HOOK_NAME", "config-changed").containsEntry("JUJU_UNIT_NAME", "fake/1")
                .containsEntry("JUJU_CHARM_DIR", unitDir.toString()).containsEntry("JUJU_VERSION", "3.6.0")
                .containsEntry("JUJU_MODEL_NAME", "simulated").containsEntry("FAKE_SETTING", "on")
                .containsEntry("JUJU_MACHINE_ID", "1").containsEntry("CHARM_DIR", unitDir.toString())
                .containsEntry("REACTIVE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .containsKeys("JUJU_CONTEXT_ID", "JUJU_MODEL_UUID", "STUB_STATE_DIR")
                .doesNotContainKeys("JUJU_RELATION_ID", "JUJU_REMOTE_UNIT", "HOME");
        assertThat(env.get("PATH")).startsWith(Path.of(env.get("STUB_STATE_DIR")).resolveSibling("bin") + ":"
                + host.toAbsolutePath() + ":");
        assertThat(driver.charmDirectory("fake/0").resolve("env-start")).exists();
    }

    @Test
    void theUnitStateGoesInBeforeEachHookAndComesBackWithTheHandlersTheRuntimeLogged() throws IOException {
        Charm fake = Charm.of();
        ProcessHookDriver driver = driver().charm(fake, charm("fake", "")).build();
        Model model = new Model(driver);

        model.deploy("fake", fake, 1);

        SimulatedUnit unit = model.unit("fake/0");
        assertThat(unit.hookNames()).containsExactly("install", "leader-elected", "config-changed", "start");
        assertThat(unit.flags()).containsExactly("ran.start");
        assertThat(unit.invoked()).containsExactly("Fake.install", "Fake.leader-elected", "Fake.config-changed",
                "Fake.start");
        assertThat(unit.hooks().get(3).flagsSet()).containsExactly("ran.start");
        assertThat(unit.hooks().get(3).flagsCleared()).containsExactly("ran.config-changed");
        assertThat(Files.readString(driver.charmDirectory("fake/0").resolve("seen-start.json")))
                .contains("\"ran.config-changed\"");
        assertThat(unit.log()).contains(new LogLine(LogLevel.DEBUG, "tracer>"), new LogLine(LogLevel.DEBUG,
                "tracer: start"), new LogLine(LogLevel.INFO, "Invoking reactive handler: Fake.start"));
    }

    @Test
    void theModelsStateWinsOverWhatTheUnitsStateFileHoldsBetweenHooks() throws IOException {
        Charm fake = Charm.of();
        ProcessHookDriver driver = driver().charm(fake, charm("fake", "")).build();
        JsonObject given = UnitState.empty().toJson();
        given.getAsJsonObject("flags").add("given.by.model", com.google.gson.JsonNull.INSTANCE);

        HookOutcome install = driver.run(request(fake, "fake/0", "install", UnitState.empty().toJson()), backend());
        Files.writeString(driver.charmDirectory("fake/0").resolve(".reactive/state.json"), "{\"format\":1}");
        driver.run(request(fake, "fake/0", "update-status", given), backend());

        assertThat(UnitState.fromJson(install.state()).flags()).containsExactly("ran.install");
        assertThat(Files.readString(driver.charmDirectory("fake/0").resolve("seen-update-status.json")))
                .contains("given.by.model").doesNotContain("ran.install");
    }

    @Test
    void theToolsAnswerFromTheModelAndWhatTheyWriteReachesIt() throws IOException {
        String server = """
                greeting=$(config-get --all --format=json | sed 's/.*"greeting": *"\\([^"]*\\)".*/\\1/')
                case $hook in
                    leader-elected) leader-set motd="$greeting" ;;
                    leader-settings-changed) status-set waiting "motd $(leader-get motd | tr -d '"')" ;;
                    website-relation-joined) relation-set -r "$JUJU_RELATION_ID" port=80 "host=$JUJU_UNIT_NAME" ;;
                    config-changed) status-set maintenance configuring; status-set active "says $greeting" ;;
                esac
                """;
        String client = """
                case $hook in
                    backend-relation-changed) status-set active "backend $(relation-get -r "$JUJU_RELATION_ID" host | tr -d '"')" ;;
                esac
                """;
        Charm web = Charm.of().configYaml("options: {greeting: {type: string, default: hi}}")
                .relations(RelationDeclaration.provides("website", "http"));
        Charm proxy = Charm.of().relations(RelationDeclaration.requires("backend", "http"));
        ProcessHookDriver driver = driver().charm(web, charm("web", server)).charm(proxy, charm("proxy", client))
                .build();
        Model model = new Model(driver);

        model.deploy("web", web, 2);
        model.deploy("proxy", proxy, 1);
        model.relate("web:website", "proxy:backend");

        assertThat(model.leaderSettings("web")).containsEntry("motd", "hi");
        assertThat(model.unit("web/1").statusHistory()).contains(new StatusValue("waiting", "motd hi"));
        assertThat(model.unit("web/0").statusHistory()).containsSubsequence(
                new StatusValue("maintenance", "configuring"), new StatusValue("active", "says hi"));
        assertThat(model.relationData("web", "proxy", "web/1")).containsEntry("port", "80")
                .containsEntry("host", "web/1");
        assertThat(model.unit("proxy/0").status()).isEqualTo(new StatusValue("active", "backend web/1"));
        assertThat(model.unit("proxy/0").hookNames()).contains("backend-relation-joined", "backend-relation-changed");
    }

    @Test
    void eachUnitsMachineIsSimulatedWithServicesThatStayUpAcrossHooksAndItsOwnRoot() throws IOException {
        String body = """
                case $hook in
                    install) apt-get install -y hello; systemctl enable --now hello ;;
                    config-changed) [ "$JUJU_UNIT_NAME" != fake/1 ] || systemctl stop hello ;;
                    update-status)
                        if systemctl is-active --quiet hello; then status-set active up; else status-set blocked down; fi
                        systemctl is-enabled --quiet hello && echo enabled > "$REACTIVE_FILES_ROOT/boot" ;;
                esac
                """;
        Charm fake = Charm.of();
        ProcessHookDriver driver = driver().charm(fake, charm("fake", body)).build();
        Model model = new Model(driver);

        model.deploy("fake", fake, 2);
        model.updateStatus();

        assertThat(driver.hostCommands("0")).containsExactly("apt-get install -y hello",
                "systemctl enable --now hello", "systemctl is-active --quiet hello",
                "systemctl is-enabled --quiet hello");
        assertThat(model.unit("fake/0").status()).isEqualTo(new StatusValue("active", "up"));
        assertThat(model.unit("fake/1").status()).isEqualTo(new StatusValue("blocked", "down"));
        driver.reboot("1");
        model.updateStatus();
        assertThat(model.unit("fake/1").status()).as("enabled, so running after the reboot")
                .isEqualTo(new StatusValue("active", "up"));
        assertThat(driver.machineRoot("1")).isEqualTo(temp.resolve("work/machines/1/root").toAbsolutePath());
        assertThat(driver.machineRoot("1").resolve("boot")).hasContent("enabled");
    }

    @Test
    void anActionRunsAsJujuRunsItWithItsParametersAndItsResultsReachTheModel() throws IOException {
        String body = """
                case $JUJU_DISPATCH_PATH in
                    actions/backup)
                        echo "$JUJU_ACTION_NAME $JUJU_ACTION_UUID" > action
                        action-log "saving to $(action-get target | tr -d '"')"
                        action-set saved=yes "where=$(action-get target | tr -d '"')" ;;
                    actions/crash)
                        echo 'hook crash failed in handler Fake.crash: java.lang.IllegalStateException: disk full' >&2
                        exit 1 ;;
                esac
                """;
        Charm fake = Charm.of().actionsYaml("""
                backup: {params: {target: {type: string}}}
                crash: {}
                """);
        ProcessHookDriver driver = driver().charm(fake, charm("fake", body)).build();
        Model model = new Model(driver);
        model.deploy("fake", fake, 1);

        ActionResult backup = model.runAction("fake/0", "backup", Map.of("target", "/srv"));
        ActionResult crash = model.runAction("fake/0", "crash", Map.of());

        assertThat(backup.status()).isEqualTo(ActionResult.COMPLETED);
        assertThat(backup.results()).containsEntry("saved", "yes").containsEntry("where", "/srv");
        assertThat(backup.log()).containsExactly("saving to /srv");
        assertThat(Files.readString(driver.charmDirectory("fake/0").resolve("action"))).startsWith("backup ");
        assertThat(crash.status()).isEqualTo(ActionResult.FAILED);
        assertThat(crash.failureMessage()).contains(
                "hook crash failed in handler Fake.crash: java.lang.IllegalStateException: disk full");
        assertThat(model.unit("fake/0").hookNames()).endsWith("actions/backup", "actions/crash");
        assertThat(model.unit("fake/0").flags()).containsExactly("ran.backup");
    }

    @Test
    void aDepartingUnitsDataAndTheRemoteApplicationReachTheHook() throws IOException {
        String server = "[ \"$hook\" != website-relation-joined ] || relation-set -r \"$JUJU_RELATION_ID\" port=80\n";
        String client = """
                case $hook in
                    backend-relation-departed)
                        echo "$JUJU_REMOTE_APP $JUJU_DEPARTING_UNIT $(relation-get -r "$JUJU_RELATION_ID" port)" \
                            >> departed ;;
                esac
                """;
        Charm web = Charm.of().metadataYaml("provides: {website: http}");
        Charm proxy = Charm.of().metadataYaml("requires: {backend: http}");
        ProcessHookDriver driver = driver().charm(web, charm("web", server)).charm(proxy, charm("proxy", client))
                .build();
        Model model = new Model(driver);
        model.deploy("web", web, 1);
        model.deploy("proxy", proxy, 1);
        model.relate("web:website", "proxy:backend");

        model.removeUnit("web/0");

        assertThat(Files.readString(driver.charmDirectory("proxy/0").resolve("departed")))
                .isEqualTo("web web/0 \"80\"\n");
    }

    @Test
    void aFailingHookThrowsWithItsStderrAndLogAndTheModelKeepsTheOldState() throws IOException {
        Charm fake = Charm.of();
        String body = "[ \"$hook\" != start ] || { echo 'the start handler broke' >&2; exit 1; }\n";
        Model model = new Model(driver().charm(fake, charm("fake", body)).build());

        assertThatThrownBy(() -> model.deploy("fake", fake, 1)).isInstanceOf(ModelHookFailed.class)
                .hasMessageContaining("hook start failed on unit fake/0: dispatch exited with 1")
                .hasMessageContaining("the start handler broke")
                .hasMessageContaining("INFO: Invoking reactive handler: Fake.start")
                .hasMessageContaining("units/fake-0/hooks/0004-start");
        assertThat(model.unit("fake/0").hookNames()).containsExactly("install", "leader-elected", "config-changed");
        assertThat(model.unit("fake/0").flags()).containsExactly("ran.config-changed");
        Path kept = temp.resolve("work/units/fake-0/hooks/0004-start");
        assertThat(Files.readString(kept.resolve("state/calls.log"))).startsWith("juju-log\t-l\tINFO\t--\t");
        assertThat(kept.resolve("stderr")).hasContent("the start handler broke");
    }

    @Test
    void aFlagLoopAtTheIterationCapFailsTheHookAsInProcess() throws IOException {
        Charm fake = Charm.of();
        String body = "juju-log -l WARNING -- 'the flag loop of hook '$hook' did not settle within 100 iterations"
                + " (the iteration cap); handlers invoked in the last 3 iterations:'\n";
        Model model = new Model(driver().charm(fake, charm("fake", body)).build());

        assertThatThrownBy(() -> model.deploy("fake", fake, 1)).isInstanceOf(ModelHookFailed.class)
                .hasMessageContaining("hook install failed on unit fake/0: the flag loop of hook install did not settle");
    }

    @Test
    void aNewBuildForTheSameUnitReplacesTheCharmsFilesAndKeepsReactive() throws IOException {
        Charm first = Charm.of();
        Charm second = Charm.of();
        ProcessHookDriver driver = driver().charm(first, charm("v1", "echo one > version\n"))
                .charm(second, charm("v2", "cat version > previous 2>/dev/null || echo none > previous\n")).build();

        driver.run(request(first, "fake/0", "install", UnitState.empty().toJson()), backend());
        HookOutcome upgrade = driver.run(request(second, "fake/0", "upgrade-charm", UnitState.empty().toJson()),
                backend());

        Path unitDir = driver.charmDirectory("fake/0");
        assertThat(Files.readString(unitDir.resolve("previous")).strip()).isEqualTo("none");
        assertThat(Files.readString(unitDir.resolve("metadata.yaml"))).isEqualTo("name: v2\n");
        assertThat(unitDir.resolve(".reactive/state.json")).exists();
        assertThat(UnitState.fromJson(upgrade.state()).flags()).containsExactly("ran.upgrade-charm");
    }

    @Test
    void aCharmTheDriverDoesNotKnowIsRefusedWithTheCallThatRegistersIt() throws IOException {
        Charm known = Charm.of();
        ProcessHookDriver driver = driver().charm(known, charm("fake", "")).build();

        assertThatThrownBy(() -> new Model(driver).deploy("other", Charm.of(), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no built charm registered for the charm of unit other/0")
                .hasMessageContaining("ProcessHookDriver.builder().charm(charm,");
        assertThatThrownBy(() -> ProcessHookDriver.builder().charm(known, temp.resolve("missing.charm")))
                .hasMessageContaining("does not exist; build the charm first");
        assertThatThrownBy(() -> ProcessHookDriver.builder().charm(known, temp).build())
                .hasMessageContaining("has no dispatch script");
        assertThatThrownBy(() -> ProcessHookDriver.builder().charm(known, charm("x", "")).build())
                .hasMessageContaining("workDirectory(tempDir)");
    }

    private static HookRequest request(Charm charm, String unit, String hook, JsonObject state) {
        return new HookRequest(charm, unit, "0", hook, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), state);
    }

    private static InMemoryJujuBackend backend() {
        InMemoryJujuBackend backend = new InMemoryJujuBackend();
        backend.setRelations("fake/0", List.<RelationState>of());
        return backend;
    }
}
