package dev.charms.reactive.samples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.runtime.MetadataYaml;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The greeter charm hook by hook, through the harness, with listeners' units and data declared by hand. */
class GreeterCharmTest {
    private static final Map<String, String> HELLO = Map.of("greeting", "\"hello\"", "port", "8080");

    private Harness harness;

    /** The harness for the greeter: its config.yaml and the relations of its metadata.yaml. */
    static Harness greeter() throws IOException {
        return Harness.of(GreeterCharm.class).unitName("greeter/0")
                .configYaml(Files.readString(Path.of("src/main/charm/config.yaml")))
                .relations(MetadataYaml.relations(Files.readString(Path.of("src/main/charm/metadata.yaml")),
                        "metadata.yaml").toArray(RelationDeclaration[]::new));
    }

    @BeforeEach
    void setUp() throws IOException {
        harness = greeter();
    }

    /** The next hook, in relation greeting:1 with these listener units and what they published. */
    private Harness next(Result previous, RelationState relation) {
        return harness.state(previous.state()).unitStatus(previous.unitStatus()).relation(relation);
    }

    @Test
    void installSaysWhatTheGreeterWillSayBeforeAnyoneListens() {
        Result install = harness.hook("install").run();

        assertThat(install.invoked()).containsExactly("GreeterCharm.greetWithNewConfig");
        assertThat(install.unitStatus())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; no listener replied yet"));
    }

    @Test
    void aJoiningListenerGetsTheGreetingAndItsReplyIsCounted() {
        Result install = harness.hook("install").run();
        Result joined = next(install, RelationState.of("greeting:1", "listener").unit("listener/0", Map.of()))
                .hook("greeting-relation-joined").relationContext("greeting:1", "listener/0").run();

        assertThat(joined.invoked()).containsExactly("GreeterCharm.greetListeners");
        assertThat(joined.flagsSet()).containsExactly("endpoint.greeting.joined", "greeting.connected");
        assertThat(joined.localUnitData("greeting:1")).isEqualTo(HELLO);

        Result replied = next(joined, RelationState.of("greeting:1", "listener")
                .unit("listener/0", Map.of("reply", "\"hello back\"")).localUnitData(HELLO))
                .hook("greeting-relation-changed").relationContext("greeting:1", "listener/0").run();

        assertThat(replied.invoked()).containsExactly("GreeterCharm.greetListeners");
        assertThat(replied.flagsSet()).isEmpty();
        assertThat(replied.unitStatus())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; 1 listener replied"));
    }

    @Test
    void aNewGreetingIsPublishedInEveryRelation() {
        RelationState first = RelationState.of("greeting:1", "listener").unit("listener/0", Map.of("reply", "\"a\""));
        RelationState second = RelationState.of("greeting:2", "other").unit("other/0", Map.of("reply", "\"b\""))
                .unit("other/1", Map.of());

        Result changed = harness.flags("endpoint.greeting.joined", "greeting.connected").relation(first)
                .relation(second).config("greeting", "hi").hook("config-changed").run();

        assertThat(changed.invoked()).containsExactly("GreeterCharm.greetWithNewConfig");
        assertThat(changed.localUnitData("greeting:1")).containsEntry("greeting", "\"hi\"");
        assertThat(changed.localUnitData("greeting:2")).containsEntry("greeting", "\"hi\"");
        assertThat(changed.unitStatus())
                .isEqualTo(new StatusValue("active", "saying 'hi' on port 8080; 2 listeners replied"));
    }

    @Test
    void whenTheLastListenerLeavesTheGreeterIsNoLongerConnected() {
        Result departed = harness.state(harness.hook("install").run().state()).flags("endpoint.greeting.joined", "greeting.connected")
                .relation(RelationState.of("greeting:1", "listener").departingUnit("listener/0", Map.of("reply", "\"a\"")))
                .hook("greeting-relation-departed").relationContext("greeting:1", "listener/0").run();

        assertThat(departed.invoked()).containsExactly("GreeterCharm.greetListeners");
        assertThat(departed.flags()).doesNotContain("greeting.connected", "endpoint.greeting.joined");
        assertThat(departed.unitStatus())
                .isEqualTo(new StatusValue("active", "saying 'hello' on port 8080; no listener replied yet"));
    }
}
