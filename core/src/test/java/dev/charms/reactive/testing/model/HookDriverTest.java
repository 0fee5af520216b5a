package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.WhenNot;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.testing.SimulatedHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookDriverTest {
    @TempDir
    Path temp;

    static class ServiceCharm {
        @WhenNot("service.started")
        void start(Services services, Flags flags) {
            services.enableAndStart("app");
            flags.set("service.started");
        }
    }

    @Test
    void theInProcessDriverGivesEachHookTheResolversChosenForItsUnit() {
        Map<String, SimulatedHost> hosts = new HashMap<>();
        List<String> seen = new ArrayList<>();
        Model model = new Model(HookDriver.inProcess(request -> {
            seen.add(request.unit() + " " + request.hook());
            return List.of(hosts.computeIfAbsent(request.unit(),
                    unit -> new SimulatedHost(temp.resolve(unit.replace('/', '-')))));
        }));

        model.deploy("app", Charm.of(ServiceCharm.class), 2);

        assertThat(hosts).containsOnlyKeys("app/0", "app/1");
        assertThat(hosts.get("app/0").commands()).containsExactly("systemctl enable --now app");
        assertThat(hosts.get("app/1").commands()).containsExactly("systemctl enable --now app");
        assertThat(seen).startsWith("app/0 install", "app/0 leader-elected").hasSize(8);
    }
}
