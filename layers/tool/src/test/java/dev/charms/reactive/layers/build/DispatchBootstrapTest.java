package dev.charms.reactive.layers.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.stubtools.StubHookTools.StatusEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated {@code dispatch} run as Juju runs it, for its bootstrap: finding or installing Java, the extra
 * packages, the class-data-sharing archive, the marker, re-bootstrap on upgrade, and stdout kept for the charm.
 * The charm's code is a probe {@code dev.charms.reactive.Main} that records each run in {@code ran.log} in its
 * working directory and prints one line; with {@code --train} it does nothing (or fails, when
 * {@code PROBE_TRAIN_FAILS} is set).
 */
class DispatchBootstrapTest {

    private static final String PROBE_MAIN = """
            package dev.charms.reactive;

            import java.nio.file.*;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    if (args.length == 1 && args[0].equals("--train")) {
                        System.exit(System.getenv("PROBE_TRAIN_FAILS") == null ? 0 : 1);
                    }
                    String path = System.getenv("JUJU_DISPATCH_PATH");
                    Files.writeString(Path.of("ran.log"), path + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    System.out.println("probe ran " + path);
                }
            }
            """;
    private static final String APT_OPTIONS = "--assume-yes --option=Dpkg::Options::=--force-confold install ";

    @TempDir
    Path temp;

    private DispatchRig rig;

    @BeforeEach
    void buildCharm() throws IOException {
        Path probe = DispatchRig.compileJar(temp.resolve("jars/probe.jar"), "dev.charms.reactive.Main", PROBE_MAIN);
        rig = new DispatchRig(temp, List.of(probe));
    }

    @Test
    void theFirstHookBootstrapsThenRunsMainInTheCharmDirectory() throws Exception {
        DispatchRig.Run run = rig.hook("install");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("probe ran hooks/install\n");
        assertThat(rig.charm.resolve("ran.log")).hasContent("hooks/install");
        assertThat(rig.marker()).hasContent(DispatchRig.thisJava());
        assertThat(rig.charm.resolve(".reactive/classes.jsa")).isNotEmptyFile();
        assertThat(rig.aptCalls()).containsExactly(APT_OPTIONS + "curl");
        assertThat(rig.tools.jujuLog()).extracting(entry -> entry.message())
                .containsExactly("dispatch: bootstrapping for install: Java 17 or later, packages curl");
    }

    @Test
    void laterHooksRunWithoutBootstrapping() throws Exception {
        rig.hook("install");
        FileTime bootstrapped = Files.getLastModifiedTime(rig.marker());
        int callsAfterInstall = rig.tools.calls().size();

        DispatchRig.Run run = rig.hook("update-status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("probe ran hooks/update-status\n");
        assertThat(rig.tools.calls()).hasSize(callsAfterInstall);
        assertThat(rig.aptCalls()).hasSize(1);
        assertThat(Files.getLastModifiedTime(rig.marker())).isEqualTo(bootstrapped);
    }

    @Test
    void oldJujuRunsTheHookLinkWithoutJujuDispatchPath() throws Exception {
        rig.environment.remove("JUJU_CHARM_DIR");

        DispatchRig.Run run = rig.run(rig.charm.resolve("hooks/install"), Map.of());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("probe ran hooks/install\n");
        assertThat(rig.charm.resolve("ran.log")).hasContent("hooks/install");
    }

    @Test
    void withoutJavaAndWithAptFailingTheUnitIsBlockedAndNothingIsMarked() throws Exception {
        rig.environment.put("REACTIVE_JAVA", temp.resolve("no/such/java").toString());
        rig.aptFails(true);

        DispatchRig.Run run = rig.hook("install");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(rig.aptCalls()).containsExactly(APT_OPTIONS + "openjdk-17-jre-headless curl", "update",
                APT_OPTIONS + "openjdk-17-jre-headless curl");
        assertThat(rig.tools.statusHistory()).containsExactly(
                new StatusEntry(false, new StatusValue("maintenance", "Installing Java 17")),
                new StatusEntry(false, new StatusValue("blocked",
                        "Cannot install openjdk-17-jre-headless with apt-get; see juju debug-log")));
        assertThat(rig.marker()).doesNotExist();
        assertThat(rig.charm.resolve("ran.log")).doesNotExist();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aRetryAfterAptIsFixedInstallsJavaAndBootstraps() throws Exception {
        rig.environment.put("REACTIVE_JAVA", temp.resolve("no/such/java").toString());
        rig.aptFails(true);
        rig.hook("install");
        rig.aptFails(false);

        DispatchRig.Run run = rig.hook("install");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path installed = temp.resolve("jvm/java-17-openjdk-amd64/bin/java");
        assertThat(rig.marker()).hasContent(installed.toString());
        assertThat(run.stdout()).isEqualTo("probe ran hooks/install\n");
        assertThat(rig.aptCalls()).endsWith(APT_OPTIONS + "openjdk-17-jre-headless curl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"upgrade-charm", "post-series-upgrade"})
    void upgradesBootstrapAgainBeforeMainRuns(String hook) throws Exception {
        rig.hook("install");
        Files.setLastModifiedTime(rig.marker(), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        DispatchRig.Run run = rig.hook(hook);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(rig.marker()).toInstant()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(rig.aptCalls()).containsExactly(APT_OPTIONS + "curl", APT_OPTIONS + "curl");
        assertThat(rig.tools.jujuLog()).last().extracting(entry -> entry.message())
                .isEqualTo("dispatch: bootstrapping for " + hook + ": Java 17 or later, packages curl");
        assertThat(run.stdout()).isEqualTo("probe ran hooks/" + hook + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"upgrade-charm", "post-series-upgrade"})
    void aFailedReBootstrapRemovesTheMarkerSoTheNextHookBootstrapsAgain(String hook) throws Exception {
        rig.hook("install");
        rig.aptFails(true);

        DispatchRig.Run failed = rig.hook(hook);
        rig.aptFails(false);
        DispatchRig.Run next = rig.hook("config-changed");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(rig.tools.statusHistory()).extracting(StatusEntry::status)
                .contains(new StatusValue("blocked", "Cannot install curl with apt-get; see juju debug-log"));
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(rig.marker()).hasContent(DispatchRig.thisJava());
        assertThat(rig.charm.resolve("ran.log")).hasContent("hooks/install\nhooks/config-changed");
    }

    @Test
    void jvmOutputNeverReachesTheCharmsStdout() throws Exception {
        rig.hook("install");
        // Every JVM log message, to stdout unless the dispatch script's own logging options replace it.
        rig.environment.put("JAVA_TOOL_OPTIONS", "-Xlog:all=info");

        DispatchRig.Run run = rig.hook("update-status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("Picked up JAVA_TOOL_OPTIONS: -Xlog:all=info");
        assertThat(run.stdout()).isEqualTo("probe ran hooks/update-status\n");
    }

    @Test
    void aMissingArchiveIsPreparedAgainByTheNextHookWithoutABootstrap() throws Exception {
        rig.hook("install");
        Path archive = rig.charm.resolve(".reactive/classes.jsa");
        Files.delete(archive);
        FileTime bootstrapped = Files.getLastModifiedTime(rig.marker());

        DispatchRig.Run run = rig.hook("update-status");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("probe ran hooks/update-status\n");
        assertThat(archive).isNotEmptyFile();
        assertThat(rig.aptCalls()).hasSize(1);
        assertThat(Files.getLastModifiedTime(rig.marker())).isEqualTo(bootstrapped);
    }

    @Test
    void anArchiveThatCannotBePreparedIsTriedAgainOnlyByTheNextBootstrap() throws Exception {
        rig.environment.put("PROBE_TRAIN_FAILS", "yes");
        DispatchRig.Run install = rig.hook("install");
        Path archive = rig.charm.resolve(".reactive/classes.jsa");

        assertThat(install.exitCode()).as(install.stderr()).isZero();
        assertThat(archive).doesNotExist();
        assertThat(rig.charm.resolve(".reactive/classes.jsa.failed")).exists();
        assertThat(rig.tools.jujuLog()).extracting(entry -> entry.message()).contains(
                "dispatch: could not prepare the class-data-sharing archive .reactive/classes.jsa; hooks start more slowly");

        rig.environment.remove("PROBE_TRAIN_FAILS");
        int logged = rig.tools.jujuLog().size();
        assertThat(rig.hook("update-status").exitCode()).isZero();
        assertThat(archive).as("not retried in every hook").doesNotExist();
        assertThat(rig.tools.jujuLog()).hasSize(logged);

        assertThat(rig.hook("upgrade-charm").exitCode()).isZero();
        assertThat(archive).isNotEmptyFile();
        assertThat(rig.charm.resolve(".reactive/classes.jsa.failed")).doesNotExist();
    }
}
