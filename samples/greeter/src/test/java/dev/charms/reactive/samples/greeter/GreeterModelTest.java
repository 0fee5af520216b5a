package dev.charms.reactive.samples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.samples.listener.ListenerCharm;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A greeter and two units of the real listener charm in the model simulator. */
class GreeterModelTest {
    private Model model;

    @BeforeEach
    void deploy() {
        model = new Model();
        model.deploy("greeter", Charm.fromDirectory(Path.of("src/main/charm"), GreeterCharm.class), 1);
        model.deploy("listener", Charm.fromDirectory(Path.of("../listener/src/main/charm"), ListenerCharm.class), 2);
        model.relate("greeter:greeting", "listener:greeting");
    }

    @Test
    void theGreetingReachesEveryListenerAndEveryReplyReachesTheGreeter() {
        assertThat(model.relationData("greeter", "listener", "greeter/0"))
                .isEqualTo(Map.of("greeting", "\"hello\"", "port", "8080"));
        assertThat(model.relationData("listener", "greeter", "listener/1"))
                .isEqualTo(Map.of("reply", "\"hello back\""));
        assertThat(model.unit("listener/1").status())
                .isEqualTo(new StatusValue("active", "heard 'hello' from greeter/0 on port 8080"));
        assertThat(model.unit("greeter/0").status())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; 2 listeners replied"));
    }

    @Test
    void aNewGreetingFlowsToTheListenersAndTheirStatus() {
        model.config("greeter", "greeting", "hi");

        assertThat(model.unit("listener/0").hookNames()).last().isEqualTo("greeting-relation-changed");
        assertThat(model.unit("listener/0").status())
                .isEqualTo(new StatusValue("active", "heard 'hi' from greeter/0 on port 8080"));
    }

    @Test
    void aListenerThatLeavesIsNoLongerCounted() {
        model.removeUnit("listener/1");

        assertThat(model.unit("greeter/0").hookNames()).last().isEqualTo("greeting-relation-departed");
        assertThat(model.unit("greeter/0").status())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; 1 listener replied"));
        assertThat(model.unit("greeter/0").flags()).contains("greeting.connected");
    }

    @Test
    void removingTheRelationDepartsEveryUnitThenBreaksItAndClearsTheFlagsOnBothSides() {
        model.removeRelation("greeter", "listener");

        assertThat(model.unit("greeter/0").hookNames()).endsWith("greeting-relation-departed",
                "greeting-relation-departed", "greeting-relation-broken");
        assertThat(model.unit("greeter/0").flags()).doesNotContain("greeting.connected", "endpoint.greeting.joined");
        assertThat(model.unit("greeter/0").status())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; no listener replied yet"));
        assertThat(model.unit("listener/0").hookNames()).endsWith("greeting-relation-departed",
                "greeting-relation-broken");
        assertThat(model.unit("listener/0").flags()).doesNotContain("greeting.connected", "listener.heard");
        assertThat(model.unit("listener/0").status()).isEqualTo(new StatusValue("blocked", ListenerCharm.NO_GREETER));
    }
}
