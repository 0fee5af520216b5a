package dev.charms.reactive.samples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.samples.listener.ListenerCharm;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.ModelComparison;
import dev.charms.reactive.testing.model.ProcessHookDriver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The greeter and the listener, related over interface:greeting, on the model simulator's two drivers: in this JVM
 * and through real processes, each hook running the built charm's {@code dispatch} ({@code target/charm/greeter.charm}
 * and the listener module's {@code target/charm/listener.charm}, built before this module). Both must give the same
 * results, relation data included. Runs in the integration-test phase (see pom.xml), after the charm is built.
 */
class ProcessDriverSameResultIT {
    private static final Path GREETER = Path.of("target/charm/greeter.charm");
    private static final Path LISTENER = Path.of("../listener/target/charm/listener.charm");

    @TempDir
    Path temp;

    /**
     * Two greeters and two listeners related, a new greeting and a new reply, a third listener joining, one leaving,
     * and the greeter's leader losing its lease.
     */
    private static Model scenario(Model model, Charm greeter, Charm listener) {
        model.deploy("greeter", greeter, 2);
        model.deploy("listener", listener, 2);
        model.relate("greeter:greeting", "listener:greeting");
        model.config("greeter", "greeting", "hi");
        model.config("listener", "reply", "hey");
        model.addUnit("listener");
        model.removeUnit("listener/1");
        model.killLeader("greeter");
        return model;
    }

    @Test
    void theRelatedPairGivesTheSameResultsAndRelationDataThroughRealProcesses() {
        Charm greeter = Charm.fromDirectory(Path.of("src/main/charm"), GreeterCharm.class);
        Charm listener = Charm.fromDirectory(Path.of("../listener/src/main/charm"), ListenerCharm.class);
        Model inProcess = scenario(new Model(), greeter, listener);
        Model process = scenario(new Model(ProcessHookDriver.builder().charm(greeter, GREETER)
                .charm(listener, LISTENER).workDirectory(temp).build()), greeter, listener);

        assertThat(ModelComparison.between(inProcess, process).relation("greeter", "listener").differences())
                .isEmpty();
        assertThat(process.relationData("listener", "greeter", "listener/2")).isEqualTo(Map.of("reply", "\"hey\""));
        assertThat(process.leader("greeter")).contains("greeter/1");
        assertThat(process.unit("greeter/1").status())
                .isEqualTo(new StatusValue("active", "saying 'hi' on port 8080; 2 listeners replied"));
        assertThat(process.unit("listener/2").status())
                .isEqualTo(new StatusValue("active", "heard 'hi' from greeter/0 on port 8080 and 1 more"));
    }
}
