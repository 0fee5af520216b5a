package dev.charms.reactive.samples.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.runtime.MetadataYaml;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener charm hook by hook, through the harness, with a greeter's units and data declared by hand. */
class ListenerCharmTest {
    private static final Map<String, String> HELLO = Map.of("greeting", "\"hello\"", "port", "8080");
    private static final StatusValue HEARD = new StatusValue("active", "heard 'hello' from greeter/0 on port 8080");

    private Harness harness;

    /** The harness for the listener: its config.yaml and the relations of its metadata.yaml. */
    static Harness listener() throws IOException {
        return Harness.of(ListenerCharm.class).unitName("listener/0")
                .configYaml(Files.readString(Path.of("src/main/charm/config.yaml")))
                .relations(MetadataYaml.relations(Files.readString(Path.of("src/main/charm/metadata.yaml")),
                        "metadata.yaml").toArray(RelationDeclaration[]::new));
    }

    @BeforeEach
    void setUp() throws IOException {
        harness = listener();
    }

    /** A relation hook about greeter/0 in relation greeting:1, with what greeter/0 published. */
    private Harness fromGreeter(Result previous, String hook, Map<String, String> data) {
        return harness.state(previous.state()).unitStatus(previous.unitStatus())
                .relation(RelationState.of("greeting:1", "greeter").unit("greeter/0", data))
                .hook(hook).relationContext("greeting:1", "greeter/0");
    }

    @Test
    void untilItIsRelatedTheListenerIsBlockedSayingWhatToDo() {
        Result install = harness.hook("install").run();

        assertThat(install.invoked()).containsExactly("ListenerCharm.waitForGreeter");
        assertThat(install.unitStatus()).isEqualTo(new StatusValue("blocked", ListenerCharm.NO_GREETER));
    }

    @Test
    void aGreeterThatJoinedWithoutAGreetingYetLeavesTheListenerWaiting() {
        Result joined = fromGreeter(harness.hook("install").run(), "greeting-relation-joined", Map.of()).run();

        assertThat(joined.invoked()).containsExactly("ListenerCharm.listen");
        assertThat(joined.flagsSet()).containsExactly("endpoint.greeting.joined", "greeting.connected");
        assertThat(joined.unitStatus()).isEqualTo(new StatusValue("waiting", "waiting for a greeting"));
        assertThat(joined.localUnitData("greeting:1")).isEmpty();
    }

    @Test
    void theGreetingIsShownAndAnsweredWithTheConfiguredReply() {
        Result joined = fromGreeter(harness.hook("install").run(), "greeting-relation-joined", Map.of()).run();
        Result changed = fromGreeter(joined, "greeting-relation-changed", HELLO).run();

        assertThat(changed.invoked()).containsExactly("ListenerCharm.listen");
        assertThat(changed.flagsSet()).containsExactly("listener.heard");
        assertThat(changed.unitStatus()).isEqualTo(HEARD);
        assertThat(changed.localUnitData("greeting:1")).containsExactly(Map.entry("reply", "\"hello back\""));
    }

    @Test
    void aNewReplyIsPublishedAtOnce() {
        Result heard = fromGreeter(harness.hook("install").run(), "greeting-relation-changed", HELLO).run();

        Result changed = harness.state(heard.state()).config("reply", "hi there")
                .relation(RelationState.of("greeting:1", "greeter").unit("greeter/0", HELLO)
                        .localUnitData(Map.of("reply", "\"hello back\"")))
                .hook("config-changed").run();

        assertThat(changed.invoked()).containsExactly("ListenerCharm.replyAgain");
        assertThat(changed.localUnitData("greeting:1")).containsExactly(Map.entry("reply", "\"hi there\""));
    }

    @Test
    void whenTheLastGreeterLeavesTheListenerIsBlockedAgain() {
        Result heard = fromGreeter(harness.hook("install").run(), "greeting-relation-changed", HELLO).run();

        Result departed = harness.state(heard.state()).unitStatus(heard.unitStatus())
                .relation(RelationState.of("greeting:1", "greeter").departingUnit("greeter/0", HELLO))
                .hook("greeting-relation-departed").relationContext("greeting:1", "greeter/0").run();

        assertThat(departed.invoked()).containsExactly("ListenerCharm.listen");
        assertThat(departed.flagsCleared())
                .containsExactly("endpoint.greeting.joined", "greeting.connected", "listener.heard");
        assertThat(departed.unitStatus()).isEqualTo(new StatusValue("blocked", ListenerCharm.NO_GREETER));
    }
}
