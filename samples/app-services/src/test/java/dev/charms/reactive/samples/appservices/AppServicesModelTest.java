package dev.charms.reactive.samples.appservices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.HookDriver;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three units of app-services in the model simulator, one machine each, through a series upgrade of machine 1. */
class AppServicesModelTest {
    @TempDir
    Path temp;

    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    private Model model;

    /** Each unit's machine, made on its first hook, running Ubuntu 22.04. */
    private SimulatedHost host(String unit) {
        return hosts.computeIfAbsent(unit, u -> {
            SimulatedHost host = new SimulatedHost(temp.resolve(u.replace('/', '-')));
            AppServicesCharmTest.releaseUpgrade(host, "22.04");
            return host;
        });
    }

    @BeforeEach
    void deploy() {
        model = new Model(HookDriver.inProcess(request -> List.of(host(request.unit()))));
        model.deploy("app-services", Charm.fromDirectory(Path.of("src/main/charm"), AppServicesCharm.class), 3);
        hosts.values().forEach(SimulatedHost::takeCommands);
    }

    @Test
    void deployStartsTheServiceOnEveryMachine() {
        assertThat(hosts).containsOnlyKeys("app-services/0", "app-services/1", "app-services/2");
        assertThat(hosts.values()).allMatch(h -> h.isRunning("app-services") && h.isEnabled("app-services"));
        assertThat(model.units()).extracting(SimulatedUnit::status)
                .containsOnly(new StatusValue("active", "ready on port 9000 (ubuntu@22.04)"));
    }

    @Test
    void aSeriesUpgradeStopsOnlyItsMachinesServiceKeepsItDownAndMigratesOnceOnCompletion() {
        SimulatedUnit upgraded = model.unit("app-services/1");
        SimulatedHost machine = host(upgraded.name());

        model.prepareSeriesUpgrade(upgraded.machine(), "ubuntu@24.04");

        assertThat(upgraded.status()).isEqualTo(new StatusValue("blocked", AppServicesCharm.READY_FOR_UPGRADE));
        assertThat(upgraded.flags()).contains("upgrade.series.in-progress", "app-services.paused");
        assertThat(machine.takeCommands()).containsExactly("systemctl disable --now app-services");
        assertThat(host("app-services/0").takeCommands()).isEmpty();
        assertThat(host("app-services/2").isRunning("app-services")).isTrue();

        model.config("app-services", "port", 9100);
        AppServicesCharmTest.releaseUpgrade(machine, "24.04");
        machine.reboot();
        assertThat(upgraded.hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(machine.isRunning("app-services")).isFalse();
        assertThat(host("app-services/0").takeCommands()).containsExactly("systemctl restart app-services");

        int before = upgraded.hooks().size();
        model.completeSeriesUpgrade(upgraded.machine());

        // post-series-upgrade already sees the new port (config.changed), so the held config-changed finds nothing

        assertThat(upgraded.hookNames().subList(before, upgraded.hooks().size()))
                .containsExactly("post-series-upgrade", "config-changed");
        assertThat(upgraded.hooks().get(before).invoked()).containsExactly("AppServicesCharm.configure",
                "AppServicesCharm.migrateAfterSeriesUpgrade", "AppServicesCharm.start");
        assertThat(upgraded.hooks().get(before + 1).invoked()).isEmpty();
        assertThat(machine.takeCommands()).containsExactly("systemctl start app-services-migrate",
                "systemctl enable --now app-services");
        assertThat(machine.isRunning("app-services")).isTrue();
        assertThat(machine.isEnabled("app-services")).isTrue();
        assertThat(upgraded.status()).isEqualTo(new StatusValue("active", "ready on port 9100 (ubuntu@24.04)"));
        assertThat(model.unit("app-services/0").status())
                .isEqualTo(new StatusValue("active", "ready on port 9100 (ubuntu@22.04)"));
        assertThat(hosts.values().stream().flatMap(h -> h.commands().stream())
                .filter(c -> c.contains("app-services-migrate"))).hasSize(1);
    }
}
