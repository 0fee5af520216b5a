package dev.charms.reactive.layers.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.charms.reactive.Hook;
import dev.charms.reactive.Main;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.stubtools.StubHookTools.Call;
import io.github.classgraph.ClassGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A charm built with the layer tool from the real runtime (core and its dependencies) and a handler class, run
 * through its real {@code dispatch} as Juju runs it, hook after hook, with the stub hook tools.
 */
class DispatchEndToEndTest {

    private static final String CHARM = """
            package probe;

            import dev.charms.reactive.Hook;
            import dev.charms.reactive.When;
            import dev.charms.reactive.config.Config;
            import dev.charms.reactive.flags.Flags;
            import dev.charms.reactive.status.Status;

            public class ProbeCharm {
                @Hook("install")
                public void install(Flags flags) {
                    flags.set("probe.installed");
                }

                @When({"probe.installed", "config.changed"})
                public void configure(Config config, Flags flags, Status status) {
                    flags.set("probe.greeting", config.getString("greeting"));
                    if (config.getString("greeting").equals("boom")) {
                        throw new IllegalStateException("the greeting boom explodes");
                    }
                    status.active("says " + config.getString("greeting"));
                }
            }
            """;

    @TempDir
    Path temp;

    private DispatchRig rig;

    @BeforeEach
    void buildCharm() throws Exception {
        Path jars = temp.resolve("jars");
        List<Path> libs = List.of(DispatchRig.jarOf(Hook.class, jars), DispatchRig.jarOf(Gson.class, jars),
                DispatchRig.jarOf(Yaml.class, jars), DispatchRig.jarOf(ClassGraph.class, jars),
                DispatchRig.jarOf(Main.class, jars),
                DispatchRig.compileJar(jars.resolve("probe-charm.jar"), "probe.ProbeCharm", CHARM));
        rig = new DispatchRig(temp, libs);
        rig.tools.config(Map.of("greeting", "hi")).leader(true);
    }

    @Test
    void installConfigChangedAndUpdateStatusRunTheHandlersAndCommitTheState() throws Exception {
        DispatchRig.Run install = rig.hook("install");
        int afterInstall = rig.tools.calls().size();
        DispatchRig.Run configChanged = rig.hook("config-changed");
        int afterConfigChanged = rig.tools.calls().size();
        DispatchRig.Run updateStatus = rig.hook("update-status");

        assertThat(List.of(install.exitCode(), configChanged.exitCode(), updateStatus.exitCode()))
                .as(install.stderr() + configChanged.stderr() + updateStatus.stderr()).containsOnly(0);
        assertThat(install.stdout() + configChanged.stdout() + updateStatus.stdout()).isEmpty();
        assertThat(rig.tools.statusHistory()).extracting(entry -> entry.status())
                .containsExactly(new StatusValue("maintenance", "Installing curl"), new StatusValue("active", "says hi"));
        assertThat(Files.readString(rig.charm.resolve(".reactive/state.json")))
                .contains("probe.installed", "probe.greeting");
        List<Call> steady = rig.tools.calls().subList(afterConfigChanged, rig.tools.calls().size());
        assertThat(steady).extracting(Call::tool).doesNotContain("status-set").hasSizeLessThanOrEqualTo(3);
        assertThat(rig.tools.calls().subList(afterInstall, afterConfigChanged)).extracting(Call::tool)
                .as("config unchanged since install: nothing re-runs and the status is not set again")
                .containsExactlyInAnyOrder("config-get", "juju-log");
    }

    @Test
    void theBootstrapRecordsTheCharmFilesAndAnArchiveTheJvmRefusesIsReplaced() throws Exception {
        assertThat(rig.hook("install").exitCode()).isZero();
        Path archive = rig.charm.resolve(".reactive/classes.jsa");
        assertThat(rig.charm.resolve(".reactive/charm-files.json")).content().contains("\"greeting\"");
        assertThat(rig.charm.resolve(".reactive/class-path.json"))
                .as("the probe charm is compiled without the processor: no index to record").doesNotExist();
        assertThat(archive).isNotEmptyFile();

        // As after a JDK update: the JVM silently shares nothing; Main removes the archive, the next hook remakes it.
        Files.delete(archive);
        Files.writeString(archive, "an archive of another JVM");
        DispatchRig.Run refused = rig.hook("update-status");

        assertThat(refused.exitCode()).as(refused.stderr()).isZero();
        assertThat(archive).doesNotExist();
        assertThat(rig.tools.jujuLog().get(rig.tools.jujuLog().size() - 1).message())
                .contains("the JVM did not use the class-data-sharing archive");

        DispatchRig.Run next = rig.hook("update-status");
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(archive).isNotEmptyFile();
        assertThat(rig.tools.jujuLog().get(rig.tools.jujuLog().size() - 1).message())
                .doesNotContain("class-data-sharing");
    }

    @Test
    void aFailingHookExitsOneAndLeavesTheStateAsItWas() throws Exception {
        rig.hook("install");
        int statusesBefore = rig.tools.statusHistory().size();
        byte[] before = Files.readAllBytes(rig.charm.resolve(".reactive/state.json"));
        rig.tools.config(Map.of("greeting", "boom"));

        DispatchRig.Run failed = rig.hook("config-changed");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr()).contains("the greeting boom explodes");
        assertThat(rig.charm.resolve(".reactive/state.json")).hasBinaryContent(before);
        assertThat(rig.tools.statusHistory()).hasSize(statusesBefore);
        assertThat(rig.tools.jujuLog()).anySatisfy(entry -> assertThat(entry.message()).contains("Hook error"));
    }
}
