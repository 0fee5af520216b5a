package dev.charms.reactive.samples.appservices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.HookDriver;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.ModelComparison;
import dev.charms.reactive.testing.model.ProcessHookDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series upgrade of one machine of app-services on the model simulator's two drivers: in this JVM, each machine a
 * {@link SimulatedHost}, and through real processes, each hook running the built {@code target/charm/app-services.charm}'s
 * {@code dispatch} (which bootstraps again in {@code post-series-upgrade}) on the machines {@link ProcessHookDriver}
 * simulates. Both must give the same results, and leave the same commands run and files written on each machine.
 * Runs in the integration-test phase (see pom.xml), after the charm is built.
 */
class ProcessDriverSameResultIT {
    private static final Path CHARM = Path.of("target/charm/app-services.charm");

    @TempDir
    Path temp;

    /**
     * Three units on Ubuntu 22.04; machine 1 prepared for a series upgrade, the port changed meanwhile, the machine
     * upgraded to 24.04 and rebooted, then the upgrade completed. {@code release} writes a machine's os-release,
     * {@code reboot} restarts it.
     */
    private static Model scenario(Model model, Charm charm, BiConsumer<String, String> release,
            Consumer<String> reboot) {
        List.of("0", "1", "2").forEach(machine -> release.accept(machine, "22.04"));
        model.deploy("app-services", charm, 3);
        model.prepareSeriesUpgrade("1", "ubuntu@24.04");
        model.config("app-services", "port", 9100);
        release.accept("1", "24.04");
        reboot.accept("1");
        model.completeSeriesUpgrade("1");
        return model;
    }

    private static String osRelease(String version) {
        return "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"" + version + "\"\n";
    }

    /** Writes {@code machine}'s os-release under the process driver's root for it. */
    private static void release(ProcessHookDriver driver, String machine, String version) {
        Path file = driver.machineRoot(machine).resolve(OsRelease.FILE.substring(1));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, osRelease(version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSeriesUpgradeGivesTheSameResultsAndMachinesThroughRealProcesses() throws IOException {
        Charm charm = Charm.fromDirectory(Path.of("src/main/charm"), AppServicesCharm.class);
        Map<String, SimulatedHost> hosts = new TreeMap<>();
        for (String machine : List.of("0", "1", "2")) {
            hosts.put(machine, new SimulatedHost(temp.resolve("in-process").resolve(machine)));
        }
        Model inProcess = scenario(new Model(HookDriver.inProcess(request -> List.of(hosts.get(request.machine())))),
                charm, (machine, version) -> hosts.get(machine).writeFile(OsRelease.FILE, osRelease(version)),
                machine -> hosts.get(machine).reboot());
        ProcessHookDriver driver = ProcessHookDriver.builder().charm(charm, CHARM)
                .workDirectory(temp.resolve("process")).build();
        Model process = scenario(new Model(driver), charm, (machine, version) -> release(driver, machine, version),
                driver::reboot);

        assertThat(ModelComparison.between(inProcess, process).differences()).isEmpty();
        hosts.forEach((machine, host) -> {
            assertThat(driver.hostCommands(machine)).as("machine " + machine).isEqualTo(host.commands());
            assertThat(driver.machineRoot(machine).resolve(AppServicesCharm.CONFIG_FILE.substring(1)))
                    .as("machine " + machine).hasSameTextualContentAs(host.path(AppServicesCharm.CONFIG_FILE));
        });
        assertThat(driver.hostCommands("1")).contains("systemctl disable --now app-services",
                "systemctl start app-services-migrate");
        assertThat(process.unit("app-services/1").status())
                .isEqualTo(new StatusValue("active", "ready on port 9100 (ubuntu@24.04)"));
        assertThat(Files.readString(driver.charmDirectory("app-services/1").resolve(".reactive/bootstrapped")))
                .as("post-series-upgrade bootstrapped again").isNotBlank();
    }
}
