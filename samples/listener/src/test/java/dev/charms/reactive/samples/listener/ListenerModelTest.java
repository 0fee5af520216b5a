package dev.charms.reactive.samples.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.When;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.samples.greeting.GreetingProvides;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two listener units in the model simulator, related to a stand-in for a greeter: the providing side of
 * interface:greeting and a handler that says "hello" on port 8080. (The greeter charm's tests relate it to the real
 * listener.)
 */
class ListenerModelTest {

    /** The least a greeter does: publish a greeting whenever the listeners change. */
    static class StandInGreeter {
        @When("greeting.updated")
        void greet(GreetingProvides greeting, Flags flags) {
            greeting.publish("hello", 8080);
            flags.clear("greeting.updated");
        }
    }

    private Model model;

    @BeforeEach
    void deploy() {
        model = new Model();
        model.deploy("greeter", Charm.of(StandInGreeter.class).metadataYaml("provides: {greeting: greeting}"), 1);
        model.deploy("listener", Charm.fromDirectory(Path.of("src/main/charm"), ListenerCharm.class), 2);
    }

    @Test
    void relatedListenersHearTheGreetingAndReply() {
        assertThat(model.units()).filteredOn(u -> u.application().equals("listener")).extracting(SimulatedUnit::status)
                .containsOnly(new StatusValue("blocked", ListenerCharm.NO_GREETER));

        model.relate("greeter:greeting", "listener:greeting");

        assertThat(model.unit("listener/0").status())
                .isEqualTo(new StatusValue("active", "heard 'hello' from greeter/0 on port 8080"));
        assertThat(model.unit("listener/1").flags()).contains("greeting.connected", "listener.heard");
        assertThat(model.relationData("listener", "greeter", "listener/1"))
                .containsExactly(Map.entry("reply", "\"hello back\""));

        model.config("listener", "reply", "hi there");
        assertThat(model.relationData("listener", "greeter", "listener/0"))
                .containsExactly(Map.entry("reply", "\"hi there\""));
    }

    @Test
    void removingTheRelationClearsTheFlagsAndBlocksTheListeners() {
        model.relate("greeter:greeting", "listener:greeting");

        model.removeRelation("greeter", "listener");

        assertThat(model.unit("listener/1").hookNames()).endsWith("greeting-relation-departed",
                "greeting-relation-broken");
        assertThat(model.unit("listener/1").flags()).doesNotContain("greeting.connected", "listener.heard",
                "endpoint.greeting.joined");
        assertThat(model.unit("listener/1").status()).isEqualTo(new StatusValue("blocked", ListenerCharm.NO_GREETER));
    }

    @Test
    void whenTheGreeterGoesTheListenersAreBlockedAgain() {
        model.relate("greeter:greeting", "listener:greeting");

        model.removeUnit("greeter/0");

        assertThat(model.unit("listener/0").hookNames()).last().isEqualTo("greeting-relation-departed");
        assertThat(model.unit("listener/0").flags()).doesNotContain("greeting.connected", "listener.heard");
        assertThat(model.unit("listener/1").status()).isEqualTo(new StatusValue("blocked", ListenerCharm.NO_GREETER));
    }
}
