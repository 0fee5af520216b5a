package dev.charms.reactive.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.HookDriver;
import dev.charms.reactive.testing.model.HookRun;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.ModelComparison;
import dev.charms.reactive.testing.model.ProcessHookDriver;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario of the hello charm on the model simulator's two drivers: in this JVM, each machine a
 * {@link SimulatedHost}, and through real processes, each hook running the built {@code target/charm/hello.charm}'s
 * {@code dispatch} in a fresh JVM on the machines {@link ProcessHookDriver} simulates. Both must give the same
 * results, and leave the same commands run and files written on each machine. Runs in the integration-test phase
 * (see pom.xml), after the charm is built.
 */
class ProcessDriverSameResultIT {
    private static final Path CHARM = Path.of("target/charm/hello.charm");

    @TempDir
    Path temp;

    /**
     * Deploy three units, break and fix the port, change the greeting, an update-status tick, remove the leader (so
     * hello/1 is elected and shows the greeting), and another tick.
     */
    private static Model scenario(Model model, Charm hello) {
        model.deploy("hello", hello, 3);
        model.config("hello", "port", 0);
        model.config("hello", "port", 8081);
        model.config("hello", "greeting", "hi there");
        model.updateStatus();
        model.removeUnit("hello/0");
        model.updateStatus();
        return model;
    }

    @Test
    void theScenarioGivesTheSameResultsAndMachinesThroughRealProcesses() {
        Charm hello = Charm.fromDirectory(Path.of("src/main/charm"), HelloCharm.class);
        Map<String, SimulatedHost> hosts = new TreeMap<>();
        Model inProcess = scenario(new Model(HookDriver.inProcess(request -> List.of(hosts.computeIfAbsent(
                request.machine(), machine -> new SimulatedHost(temp.resolve("in-process").resolve(machine)))))),
                hello);
        ProcessHookDriver driver = ProcessHookDriver.builder().charm(hello, CHARM)
                .workDirectory(temp.resolve("process")).build();
        Model process = scenario(new Model(driver), hello);

        assertThat(ModelComparison.between(inProcess, process).differences()).isEmpty();
        assertThat(process.units()).extracting(SimulatedUnit::name).containsExactly("hello/1", "hello/2");
        assertThat(process.leader("hello")).contains("hello/1");
        assertThat(process.applicationStatus("hello")).isEqualTo(new StatusValue("active", "greeting: hi there"));
        assertThat(hosts).containsOnlyKeys("0", "1", "2");
        hosts.forEach((machine, host) -> {
            assertThat(driver.hostCommands(machine)).as("machine " + machine).isEqualTo(host.commands());
            assertThat(driver.machineRoot(machine).resolve("etc/hello/hello.conf")).as("machine " + machine)
                    .hasSameTextualContentAs(host.path(HelloCharm.CONFIG_FILE.toString()));
        });
        assertThat(hosts.get("2").path(HelloCharm.CONFIG_FILE.toString()))
                .hasContent("greeting=hi there\nport=8081\n");
        assertThat(inProcess.timeline()).as("the scenario exercises what it claims to")
                .anyMatch(run -> run.status().equals(new StatusValue("blocked",
                        "port must be between 1 and 65535, got 0: juju config hello port=8080")))
                .anyMatch(run -> run.unit().equals("hello/1") && run.hook().equals("leader-elected")
                        && run.invoked().contains("HelloCharm.showGreeting"))
                .extracting(HookRun::hook).contains("update-status", "stop", "remove");
        assertThat(process.unit("hello/2").status())
                .isEqualTo(new StatusValue("active", "ready: saying 'hi there' on port 8081"));
    }
}
