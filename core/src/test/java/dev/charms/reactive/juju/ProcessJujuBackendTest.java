package dev.charms.reactive.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.host.ProcessCommandRunner;
import dev.charms.reactive.juju.ProcessJujuBackend.LogMode;
import dev.charms.reactive.juju.stubtools.StubHookTools;
import dev.charms.reactive.juju.stubtools.StubHookTools.Call;
import dev.charms.reactive.juju.stubtools.StubHookTools.LogEntry;
import dev.charms.reactive.juju.stubtools.StubHookTools.StatusEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessJujuBackendTest {
    @TempDir
    Path directory;

    StubHookTools tools;
    final Map<String, String> extraEnvironment = new HashMap<>();

    @BeforeEach
    void installStubs() {
        tools = StubHookTools.install(directory, "hello/0");
    }

    private ProcessJujuBackend backend(LogMode mode) {
        Map<String, String> environment = new HashMap<>(tools.environment());
        environment.putAll(extraEnvironment);
        return new ProcessJujuBackend(new ProcessCommandRunner(environment), UnitName.parse("hello/0"), mode);
    }

    private ProcessJujuBackend backend() {
        return backend(LogMode.IMMEDIATE);
    }

    private static Call call(String... argv) {
        return new Call(argv[0], Arrays.asList(argv).subList(1, argv.length));
    }

    @Nested
    class Reads {
        @Test
        void configGetReadsEveryOptionWithJsonTypesOnce() {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("greeting", "hi");
            options.put("port", 8080);
            options.put("ratio", 0.5);
            options.put("debug", true);
            options.put("unset", null);
            tools.config(options);
            ProcessJujuBackend backend = backend();

            Map<String, Object> config = backend.configGet();
            backend.configGet();

            assertThat(config.keySet()).containsExactly("greeting", "port", "ratio", "debug", "unset");
            assertThat(config.values()).containsExactly("hi", 8080L, 0.5, true, null);
            assertThat(tools.calls()).containsExactly(call("config-get", "--all", "--format=json"));
            assertThatThrownBy(() -> config.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aPrefetchedConfigurationIsTheOneReadWithOneToolCall() {
            tools.config(Map.of("greeting", "hi"));
            ProcessJujuBackend backend = backend();

            backend.prefetchConfig();
            backend.prefetchConfig();
            backend.awaitPrefetch();
            tools.config(Map.of("greeting", "changed after config-get ran"));

            assertThat(backend.configGet()).containsExactly(Map.entry("greeting", "hi"));
            assertThat(backend.configGet()).containsExactly(Map.entry("greeting", "hi"));
            backend.prefetchConfig();
            assertThat(tools.calls()).containsExactly(call("config-get", "--all", "--format=json"));
        }

        @Test
        void isLeaderIsAskedOnce() {
            tools.leader(true);
            ProcessJujuBackend backend = backend();

            assertThat(backend.isLeader()).isTrue();
            assertThat(backend.isLeader()).isTrue();
            assertThat(tools.calls()).containsExactly(call("is-leader", "--format=json"));
        }

        @Test
        void relationReadsAreCachedPerArguments() {
            tools.relation("db:3", "mysql", "mysql/0", "mysql/1")
                    .relation("db:7", "pg")
                    .relationData("db:3", "mysql/0", Map.of("host", "10.0.0.9", "port", "3306"))
                    .relationData("db:3", "mysql", Map.of("database", "hello"));
            ProcessJujuBackend backend = backend();

            assertThat(backend.relationIds("db")).containsExactly("db:3", "db:7");
            assertThat(backend.relationIds("db")).containsExactly("db:3", "db:7");
            assertThat(backend.relationList("db:3")).containsExactly("mysql/0", "mysql/1");
            assertThat(backend.relationList("db:7")).isEmpty();
            assertThat(backend.relationGet("db:3", "mysql/0", false)).containsOnly(
                    Map.entry("host", "10.0.0.9"), Map.entry("port", "3306"));
            assertThat(backend.relationGet("db:3", "mysql/0", false)).hasSize(2);
            assertThat(backend.relationGet("db:3", "mysql", true)).containsExactly(Map.entry("database", "hello"));
            assertThat(backend.relationGet("db:3", "mysql/1", false)).isEmpty();

            assertThat(tools.calls()).containsExactly(
                    call("relation-ids", "--format=json", "db"),
                    call("relation-list", "--format=json", "-r", "db:3"),
                    call("relation-list", "--format=json", "-r", "db:7"),
                    call("relation-get", "--format=json", "-r", "db:3", "-", "mysql/0"),
                    call("relation-get", "--format=json", "--app", "-r", "db:3", "-", "mysql"),
                    call("relation-get", "--format=json", "-r", "db:3", "-", "mysql/1"));
        }

        @Test
        void relationGetOfARelationThatIsGoneReadsAsNoData() {
            ProcessJujuBackend backend = backend();

            assertThat(backend.relationGet("db:99", "mysql/0", false)).isEmpty();
            assertThat(backend.relationGet("db:99", "mysql/0", false)).isEmpty();
            assertThat(tools.calls()).hasSize(1);
        }

        @Test
        void relationGetRefusesAMalformedNameBeforeRunningAnything() {
            ProcessJujuBackend backend = backend();

            assertThatThrownBy(() -> backend.relationGet("db:3", "mysql", false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relation-get of unit data needs a unit name such as mysql/0, got \"mysql\"");
            assertThatThrownBy(() -> backend.relationGet("db:3", "mysql/0", true))
                    .hasMessage("relation-get of application data needs an application name such as mysql, got \"mysql/0\"");
            assertThat(tools.calls()).isEmpty();
        }

        @Test
        void relationGetFailingOtherwiseThrows() {
            tools.relation("db:3", "mysql", "mysql/0").failing("relation-get", 1, "ERROR permission denied");

            assertThatThrownBy(() -> backend().relationGet("db:3", "hello", true))
                    .isInstanceOfSatisfying(HookToolException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
        }

        @Test
        void unitGetNetworkGetAndOpenedPorts() {
            tools.addresses("10.0.0.5", "203.0.113.5")
                    .network("db", Map.of("bind-addresses", List.of(Map.of("interface-name", "eth0",
                            "addresses", List.of(Map.of("value", "10.0.0.5", "cidr", "10.0.0.0/24")))),
                            "ingress-addresses", List.of("10.0.0.5")))
                    .openedPorts("80/tcp", "8000-8999/udp");
            ProcessJujuBackend backend = backend();

            assertThat(backend.unitGet("private-address")).contains("10.0.0.5");
            assertThat(backend.unitGet("public-address")).contains("203.0.113.5");
            assertThat(backend.networkGet("db")).containsEntry("ingress-addresses", List.of("10.0.0.5"));
            assertThat(backend.networkGet("db").get("bind-addresses")).isEqualTo(List.of(Map.of("interface-name", "eth0",
                    "addresses", List.of(Map.of("value", "10.0.0.5", "cidr", "10.0.0.0/24")))));
            assertThat(backend.openedPorts()).containsExactly("80/tcp", "8000-8999/udp");
            assertThat(backend.openedPorts()).hasSize(2);
            assertThat(tools.calls()).containsExactly(
                    call("unit-get", "--format=json", "private-address"),
                    call("unit-get", "--format=json", "public-address"),
                    call("network-get", "--format=json", "db"),
                    call("opened-ports", "--format=json"));
        }

        @Test
        void unitGetOfNothingIsEmpty() {
            assertThat(backend().unitGet("private-address")).isEmpty();
        }

        @Test
        void networkGetOfAnUnknownBindingThrowsWithJujusMessage() {
            assertThatThrownBy(() -> backend().networkGet("nope"))
                    .isInstanceOfSatisfying(HookToolException.class, e -> {
                        assertThat(e.tool()).isEqualTo("network-get");
                        assertThat(e.arguments()).containsExactly("--format=json", "nope");
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.stderr()).isEqualTo("ERROR no network config found for binding \"nope\"\n");
                    })
                    .hasMessage("network-get --format=json nope failed with exit code 1:"
                            + " ERROR no network config found for binding \"nope\"");
        }
    }

    @Nested
    class Writes {
        @Test
        void relationSetSendsJsonOnStandardInputAndRereadsOnlyTheLocalData() {
            tools.relation("db:3", "mysql", "mysql/0")
                    .relationData("db:3", "mysql/0", Map.of("host", "10.0.0.9"))
                    .relationData("db:3", "hello/0", Map.of("old", "1", "keep", "yes"));
            ProcessJujuBackend backend = backend();
            backend.relationGet("db:3", "mysql/0", false);
            assertThat(backend.relationGet("db:3", "hello/0", false)).containsEntry("old", "1");

            Map<String, String> settings = new HashMap<>();
            settings.put("port", "5432");
            settings.put("note", "-starts with a dash \"and\" quotes\nand a newline");
            settings.put("old", null);
            backend.relationSet("3", settings, false);

            Map<String, String> expected = Map.of("keep", "yes", "port", "5432",
                    "note", "-starts with a dash \"and\" quotes\nand a newline");
            assertThat(tools.relationData("db:3", "hello/0")).isEqualTo(expected);
            assertThat(backend.relationGet("db:3", "hello/0", false)).isEqualTo(expected);
            backend.relationGet("db:3", "mysql/0", false);
            assertThat(tools.calls()).containsExactly(
                    call("relation-get", "--format=json", "-r", "db:3", "-", "mysql/0"),
                    call("relation-get", "--format=json", "-r", "db:3", "-", "hello/0"),
                    call("relation-set", "-r", "3", "--file", "-"),
                    call("relation-get", "--format=json", "-r", "db:3", "-", "hello/0"));
        }

        @Test
        void relationSetOfApplicationDataNeedsLeadership() {
            tools.relation("db:3", "mysql", "mysql/0").leader(true);
            ProcessJujuBackend backend = backend();
            backend.relationGet("db:3", "hello", true);

            backend.relationSet("db:3", Map.of("database", "hello"), true);

            assertThat(tools.relationData("db:3", "hello")).containsExactly(Map.entry("database", "hello"));
            assertThat(backend.relationGet("db:3", "hello", true)).containsExactly(Map.entry("database", "hello"));
            assertThat(tools.calls("relation-set")).containsExactly(call("relation-set", "--app", "-r", "db:3", "--file", "-"));

            tools.leader(false);
            assertThatThrownBy(() -> backend.relationSet("db:3", Map.of("x", "y"), true))
                    .isInstanceOfSatisfying(HookToolException.class, e -> assertThat(e.stderr()).contains("cannot write relation settings"));
        }

        @Test
        void writingNothingRunsNothing() {
            ProcessJujuBackend backend = backend();

            backend.relationSet("db:3", Map.of(), false);
            backend.leaderSet(Map.of());
            backend.stateSet(Map.of());
            backend.actionSet(Map.of());

            assertThat(tools.calls()).isEmpty();
        }

        @Test
        void leaderSetPassesPairsAndRereadsLeaderSettings() {
            tools.leader(true).leaderSettings(Map.of("password", "old", "gone", "x"));
            ProcessJujuBackend backend = backend();
            assertThat(backend.leaderGet()).containsEntry("password", "old");

            Map<String, String> settings = new HashMap<>();
            settings.put("password", "s3cret=");
            settings.put("gone", null);
            backend.leaderSet(settings);

            assertThat(backend.leaderGet()).containsExactly(Map.entry("password", "s3cret="));
            assertThat(tools.calls()).containsExactly(
                    call("leader-get", "--format=json", "-"),
                    call("leader-set", "gone=", "password=s3cret="),
                    call("leader-get", "--format=json", "-"));
        }

        @Test
        void leaderSetByANonLeaderCarriesJujusRefusal() {
            assertThatThrownBy(() -> backend().leaderSet(Map.of("k", "v")))
                    .isInstanceOfSatisfying(HookToolException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.stderr()).isEqualTo("ERROR cannot write leadership settings: cannot write settings: not the leader\n");
                    });
        }

        @Test
        void statusSetPutsTheMessageAfterDoubleDashAndStatusGetRereads() {
            ProcessJujuBackend backend = backend();
            assertThat(backend.statusGet(false)).isEqualTo(new StatusValue("unknown", ""));

            backend.statusSet(false, new StatusValue("blocked", "--port must be set"));

            assertThat(backend.statusGet(false)).isEqualTo(new StatusValue("blocked", "--port must be set"));
            assertThat(tools.statusHistory()).containsExactly(new StatusEntry(false, new StatusValue("blocked", "--port must be set")));
            assertThat(tools.calls()).containsExactly(
                    call("status-get", "--format=json", "--include-data"),
                    call("status-set", "--", "blocked", "--port must be set"),
                    call("status-get", "--format=json", "--include-data"));
        }

        @Test
        void applicationStatusIsSetAndReadWithApplication() {
            tools.leader(true);
            ProcessJujuBackend backend = backend();

            backend.statusSet(true, new StatusValue("active", ""));

            assertThat(backend.statusGet(true)).isEqualTo(new StatusValue("active", ""));
            assertThat(tools.calls()).containsExactly(
                    call("status-set", "--application", "--", "active", ""),
                    call("status-get", "--format=json", "--include-data", "--application"));
        }

        @Test
        void stateSetDeletesNullsAndRereads() {
            tools.state(Map.of("a", "1", "b", "2"));
            ProcessJujuBackend backend = backend();
            backend.stateGet();

            Map<String, String> values = new HashMap<>();
            values.put("c", "3");
            values.put("b", null);
            backend.stateSet(values);
            assertThat(backend.stateGet()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
            backend.stateDelete("a");

            assertThat(backend.stateGet()).containsExactly(Map.entry("c", "3"));
            assertThat(tools.calls()).containsExactly(
                    call("state-get", "--format=json"),
                    call("state-set", "c=3"),
                    call("state-delete", "b"),
                    call("state-get", "--format=json"),
                    call("state-delete", "a"),
                    call("state-get", "--format=json"));
        }

        @Test
        void actionTools() {
            extraEnvironment.put("JUJU_ACTION_NAME", "backup");
            tools.actionParams(Map.of("target", "/srv/backup", "compress", true, "level", 9));
            ProcessJujuBackend backend = backend();

            assertThat(backend.actionGet()).isEqualTo(Map.of("target", "/srv/backup", "compress", true, "level", 9L));
            backend.actionLog("-50% done");
            backend.actionSet(Map.of("result.size", "10", "result.path", "/srv/backup/x"));
            backend.actionFail("disk full");

            assertThat(tools.actionLog()).containsExactly("-50% done");
            assertThat(tools.actionResults()).containsExactly(Map.entry("result.path", "/srv/backup/x"), Map.entry("result.size", "10"));
            assertThat(tools.actionFailure()).contains("disk full");
            assertThat(tools.calls()).containsExactly(
                    call("action-get", "--format=json"),
                    call("action-log", "--", "-50% done"),
                    call("action-set", "result.path=/srv/backup/x", "result.size=10"),
                    call("action-fail", "--", "disk full"));
        }

        @Test
        void actionFailWithoutAMessageLetsJujuSayWhy() {
            extraEnvironment.put("JUJU_ACTION_NAME", "backup");

            backend().actionFail("");

            assertThat(tools.calls()).containsExactly(call("action-fail"));
            assertThat(tools.actionFailure()).contains("action failed without reason given, check action for errors");
        }

        @Test
        void versionAndPorts() {
            ProcessJujuBackend backend = backend();

            backend.applicationVersionSet("1.2.3");
            backend.openPort("80");
            backend.openPort("8000-8010/udp");
            backend.closePort("80/tcp");

            assertThat(tools.applicationVersion()).contains("1.2.3");
            assertThat(tools.openedPorts()).containsExactly("8000-8010/udp");
            assertThat(tools.calls()).containsExactly(
                    call("application-version-set", "--", "1.2.3"),
                    call("open-port", "80"),
                    call("open-port", "8000-8010/udp"),
                    call("close-port", "80/tcp"));
        }
    }

    @Nested
    class Logging {
        @Test
        void immediateModeRunsJujuLogPerLineWithTheMessageAfterDoubleDash() {
            ProcessJujuBackend backend = backend(LogMode.IMMEDIATE);

            backend.log(LogLevel.INFO, "hello");
            backend.log(LogLevel.WARNING, "-x looks like an option");

            assertThat(tools.calls()).containsExactly(
                    call("juju-log", "-l", "INFO", "--", "hello"),
                    call("juju-log", "-l", "WARNING", "--", "-x looks like an option"));
            assertThat(tools.jujuLog()).containsExactly(new LogEntry("INFO", "hello"),
                    new LogEntry("WARNING", "-x looks like an option"));
        }

        @Test
        void bufferedModeSendsOneCallPerFlushAtTheMostSevereLevel() {
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);

            backend.log(LogLevel.DEBUG, "invoking HelloCharm.start");
            backend.log(LogLevel.WARNING, "disk almost full");
            backend.log(LogLevel.INFO, "multi\nline");
            assertThat(tools.calls()).isEmpty();
            backend.flushLog();
            backend.flushLog();

            assertThat(tools.jujuLog()).containsExactly(new LogEntry("WARNING",
                    "DEBUG: invoking HelloCharm.start\nWARNING: disk almost full\nINFO: multi\nline"));
            assertThat(tools.calls()).hasSize(1);
        }

        @Test
        void theProductionBackendBatchesLogLines() {
            Map<String, String> environment = new HashMap<>(tools.environment());
            environment.put("JUJU_DISPATCH_PATH", "hooks/update-status");
            environment.put("JUJU_CHARM_DIR", directory.toString());
            ProcessJujuBackend backend = ProcessJujuBackend.forHook(HookEnvironment.of(environment), environment);

            backend.log(LogLevel.INFO, "one");
            backend.log(LogLevel.INFO, "two");
            assertThat(tools.calls()).isEmpty();
            backend.flushLog();

            assertThat(tools.jujuLog()).containsExactly(new LogEntry("INFO", "one\ntwo"));
        }

        @Test
        void aBackgroundFlushSendsTheLinesHeldSoFarAndTheNextFlushTheRestAfterThem() {
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);

            backend.log(LogLevel.INFO, "one");
            backend.log(LogLevel.INFO, "two");
            backend.flushLogInBackground();
            backend.log(LogLevel.ERROR, "three");
            backend.flushLog();
            backend.flushLog();

            assertThat(tools.jujuLog()).containsExactly(new LogEntry("INFO", "one\ntwo"), new LogEntry("ERROR", "three"));
        }

        @Test
        void aFailedBackgroundFlushIsReportedByTheNextFlushAfterItSentTheRest() {
            tools.failing("juju-log", 1, "ERROR connection is shut down");
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);
            backend.log(LogLevel.INFO, "one");
            backend.flushLogInBackground();
            backend.log(LogLevel.INFO, "two");

            assertThatThrownBy(backend::flushLog).isInstanceOf(HookToolException.class)
                    .hasMessageContaining("ERROR connection is shut down");
            assertThat(tools.calls()).extracting(Call::tool).containsExactly("juju-log", "juju-log");
        }

        @Test
        void aBatchOfOneLevelIsNotPrefixed() {
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);

            backend.log(LogLevel.INFO, "one");
            backend.log(LogLevel.INFO, "two");
            backend.flushLog();

            assertThat(tools.jujuLog()).containsExactly(new LogEntry("INFO", "one\ntwo"));
        }

        @Test
        void aSteadyHookCostsOneReadAndOneLogWrite() {
            tools.config(Map.of("greeting", "hi"));
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);

            for (int handler = 0; handler < 6; handler++) {
                backend.configGet();
                backend.log(LogLevel.DEBUG, "handler " + handler + " ran");
            }
            backend.flushLog();

            assertThat(tools.calls()).extracting(Call::tool).containsExactly("config-get", "juju-log");
        }

        @Test
        void splitsMessagesAtLineBreaksToFitOneArgument() {
            assertThat(ProcessJujuBackend.chunks("aaaa\nbbbb\ncc", 10)).containsExactly("aaaa\nbbbb", "cc");
            assertThat(ProcessJujuBackend.chunks("abcdefghijkl", 5)).containsExactly("abcde", "fghij", "kl");
            assertThat(ProcessJujuBackend.chunks("ééé", 4)).as("never inside a character").containsExactly("éé", "é");
            assertThat(ProcessJujuBackend.chunks("short", 10)).containsExactly("short");
        }

        @Test
        void aHugeBufferIsSentInPiecesOfAtMostOneArgument() {
            ProcessJujuBackend backend = backend(LogMode.BUFFERED);
            String line = "x".repeat(1000);

            for (int i = 0; i < 200; i++) {
                backend.log(LogLevel.INFO, line);
            }
            backend.flushLog();

            List<LogEntry> entries = tools.jujuLog();
            assertThat(entries).hasSizeGreaterThan(1).allSatisfy(entry ->
                    assertThat(entry.message().length()).isLessThanOrEqualTo(ProcessJujuBackend.MAX_ARGUMENT_BYTES));
            assertThat(entries.stream().mapToLong(entry -> entry.message().lines().count()).sum()).isEqualTo(200);
        }
    }

    @Nested
    class Failures {
        @Test
        void aFailingToolCarriesItsArgumentsExitCodeAndStderr() {
            tools.failing("config-get", 1, "ERROR connection is shut down");

            assertThatThrownBy(() -> backend().configGet())
                    .isInstanceOfSatisfying(HookToolException.class, e -> {
                        assertThat(e.tool()).isEqualTo("config-get");
                        assertThat(e.arguments()).containsExactly("--all", "--format=json");
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.stderr()).isEqualTo("ERROR connection is shut down\n");
                    })
                    .hasMessage("config-get --all --format=json failed with exit code 1: ERROR connection is shut down");
        }

        @Test
        void aFailedPrefetchIsReportedWhenTheConfigurationIsRead() {
            tools.failing("config-get", 1, "ERROR connection is shut down");
            ProcessJujuBackend backend = backend();

            backend.prefetchConfig();
            backend.awaitPrefetch();

            assertThatThrownBy(backend::configGet).isInstanceOf(HookToolException.class)
                    .hasMessage("config-get --all --format=json failed with exit code 1: ERROR connection is shut down");
        }

        @Test
        void aFailedReadIsNotCached() {
            tools.failing("is-leader", 1, "ERROR try again");
            ProcessJujuBackend backend = backend();
            assertThatThrownBy(backend::isLeader).isInstanceOf(HookToolException.class);

            tools.leader(true);
            assertThat(tools.stateDirectory().resolve("fail/is-leader").toFile().delete()).isTrue();

            assertThat(backend.isLeader()).isTrue();
        }

        @Test
        void aToolMissingFromThePathSaysWhereItLooked() {
            ProcessJujuBackend backend = new ProcessJujuBackend(new ProcessCommandRunner(Map.of("PATH", "/nowhere")),
                    UnitName.parse("hello/0"), LogMode.IMMEDIATE);

            assertThatThrownBy(() -> backend.log(LogLevel.INFO, "hi"))
                    .isInstanceOfSatisfying(HookToolException.class, e -> {
                        assertThat(e.tool()).isEqualTo("juju-log");
                        assertThat(e.exitCode()).isEqualTo(-1);
                    })
                    .hasMessage("cannot run hook tool juju-log: it is not in any PATH directory (PATH=/nowhere); hook"
                            + " tools exist only while Juju runs a hook, so run this through the charm's dispatch"
                            + " script, or put stub tools first on PATH in tests");
        }

        @Test
        void outputThatIsNotTheExpectedJsonIsAnError() throws IOException {
            Path fake = directory.resolve("fake");
            Files.createDirectories(fake);
            Path isLeader = fake.resolve("is-leader");
            Files.writeString(isLeader, "#!/bin/sh\necho True\n");
            Files.setPosixFilePermissions(isLeader, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path configGet = fake.resolve("config-get");
            Files.writeString(configGet, "#!/bin/sh\necho '[1, 2]'\n");
            Files.setPosixFilePermissions(configGet, PosixFilePermissions.fromString("rwxr-xr-x"));
            ProcessJujuBackend backend = new ProcessJujuBackend(new ProcessCommandRunner(Map.of("PATH", fake + ":/usr/bin:/bin")),
                    UnitName.parse("hello/0"), LogMode.IMMEDIATE);

            assertThatThrownBy(backend::isLeader).isInstanceOf(HookToolException.class)
                    .hasMessage("is-leader --format=json printed \"True\" where JSON was expected; is the tool on PATH really Juju's?");
            assertThatThrownBy(backend::configGet).isInstanceOf(HookToolException.class)
                    .hasMessage("config-get --all --format=json printed \"[1, 2]\" where a JSON object was expected;"
                            + " is the tool on PATH really Juju's?");
        }
    }
}
