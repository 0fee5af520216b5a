package dev.charms.reactive.samples.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.When;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both sides of interface:greeting, each used by a charm that does the least it can. */
class GreetingEndpointsTest {

    /** Greets with "hello" on 8080 and logs the replies, whenever the listeners' side is updated. */
    static class Greeter {
        @When("greeting.updated")
        void greet(GreetingProvides greeting, Flags flags, Log log) {
            greeting.publish("hello", 8080);
            log.info("replies " + greeting.replies());
            flags.clear("greeting.updated");
        }
    }

    /** Logs the greetings and replies "hi back", whenever the greeters' side is updated. */
    static class Listener {
        @When("greeting.updated")
        void listen(GreetingRequires greeting, Flags flags, Log log) {
            log.info("greetings " + greeting.greetings());
            greeting.reply("hi back");
            flags.clear("greeting.updated");
        }
    }

    private static final Harness GREETER = Harness.of(Greeter.class).unitName("greeter/0")
            .relations(RelationDeclaration.provides("greeting", "greeting"));
    private static final Harness LISTENER = Harness.of(Listener.class).unitName("listener/0")
            .relations(RelationDeclaration.requires("greeting", "greeting"));

    private static boolean logged(Result result, String message) {
        return result.log().stream().anyMatch(line -> line.message().equals(message));
    }

    @Test
    void aJoiningListenerIsGreetedInItsRelation() {
        Result joined = GREETER.relation(RelationState.of("greeting:1", "listener").unit("listener/0", Map.of()))
                .hook("greeting-relation-joined").relationContext("greeting:1", "listener/0").run();

        assertThat(joined.invoked()).containsExactly("Greeter.greet");
        assertThat(joined.flags()).containsExactly("endpoint.greeting.joined", "greeting.connected");
        assertThat(joined.localUnitData("greeting:1")).containsExactly(Map.entry("greeting", "\"hello\""),
                Map.entry("port", "8080"));
        assertThat(logged(joined, "replies {}")).isTrue();
    }

    @Test
    void theGreeterReadsEachListenersReply() {
        Result changed = GREETER.flags("greeting.connected")
                .relation(RelationState.of("greeting:1", "listener").unit("listener/0", Map.of("reply", "\"hi\""))
                        .unit("listener/1", Map.of()))
                .hook("greeting-relation-changed").relationContext("greeting:1", "listener/0").run();

        assertThat(logged(changed, "replies {listener/0=hi}")).isTrue();
    }

    @Test
    void theListenerReadsTheGreetingsAndRepliesInEveryRelation() {
        Result changed = LISTENER
                .relation(RelationState.of("greeting:1", "greeter")
                        .unit("greeter/0", Map.of("greeting", "\"hello\"", "port", "8080")).unit("greeter/1", Map.of()))
                .relation(RelationState.of("greeting:2", "other-greeter")
                        .unit("other-greeter/0", Map.of("greeting", "\"hi\"", "port", "9000")))
                .hook("greeting-relation-changed").relationContext("greeting:1", "greeter/0").run();

        assertThat(changed.invoked()).containsExactly("Listener.listen");
        assertThat(logged(changed, "greetings [Greeting[unit=greeter/0, text=hello, port=8080],"
                + " Greeting[unit=other-greeter/0, text=hi, port=9000]]")).isTrue();
        assertThat(changed.localUnitData("greeting:1")).containsExactly(Map.entry("reply", "\"hi back\""));
        assertThat(changed.localUnitData("greeting:2")).containsExactly(Map.entry("reply", "\"hi back\""));
    }

    @Test
    void whenTheLastGreeterDepartsTheListenerIsUpdatedAndNoLongerConnected() {
        Result departed = LISTENER.flags("greeting.connected")
                .relation(RelationState.of("greeting:1", "greeter").departingUnit("greeter/0", Map.of()))
                .hook("greeting-relation-departed").relationContext("greeting:1", "greeter/0").run();

        assertThat(departed.invoked()).containsExactly("Listener.listen");
        assertThat(departed.flagsCleared()).containsExactly("greeting.connected");
        assertThat(logged(departed, "greetings []")).isTrue();
        assertThat(departed.state().toString()).doesNotContain("greeter/0");
    }

    @Test
    void aHookNotAboutTheRelationLeavesTheFlagsAsTheyWere() {
        Result tick = LISTENER.flags("endpoint.greeting.joined", "greeting.connected")
                .relation(RelationState.of("greeting:1", "greeter").unit("greeter/0", Map.of()))
                .hook("update-status").run();

        assertThat(tick.invoked()).isEmpty();
        assertThat(tick.flags()).containsExactly("endpoint.greeting.joined", "greeting.connected");
    }

    @Test
    void aPortThatIsNotANumberFailsTheHookNamingTheUnit() {
        Failure failure = LISTENER
                .relation(RelationState.of("greeting:1", "greeter")
                        .unit("greeter/0", Map.of("greeting", "\"hello\"", "port", "\"eighty\"")))
                .hook("greeting-relation-changed").relationContext("greeting:1", "greeter/0").runExpectingFailure();

        assertThat(failure.cause()).hasMessage("greeter/0 in greeting:1 published port eighty, not a number;"
                + " interface:greeting needs both greeting and port");
    }
}
