package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.Hook;
import dev.charms.reactive.OnlyOnce;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.WhenNotAll;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import org.junit.jupiter.api.Test;

/**
 * Reference §12.1 B16–B21, in their Java meaning: handler discovery is the generated index (or the reflective
 * builder), order is declaration order then the given class order, and a two-hook full stack run.
 */
class DiscoveryConformanceTest {

    static class Zebra {
        @When("x")
        void zulu() {
        }

        void notAHandler() {
        }

        @When("x")
        void alpha() {
        }

        @When("x")
        void mike() {
        }
    }

    static class Apple {
        @When("x")
        void only() {
        }
    }

    @Test
    void b16_handlersComeInDeclarationOrderClassByClassAndOnlyAnnotatedMethodsCount() {
        assertThat(ReactiveHandlers.of(Zebra.class).handlers()).extracting(HandlerDefinition::methodName)
                .containsExactly("zulu", "alpha", "mike");
        assertThat(Harness.of(Zebra.class, Apple.class).flags("x").hook("update-status").run().invoked())
                .containsExactly("Zebra.zulu", "Zebra.alpha", "Zebra.mike", "Apple.only");
        assertThat(Harness.of(Apple.class, Zebra.class).flags("x").hook("update-status").run().invoked())
                .containsExactly("Apple.only", "Zebra.zulu", "Zebra.alpha", "Zebra.mike");
    }

    @Test
    void b20_b21_aGeneratedIndexIsFoundByNameAndPreferredOverReflection() {
        assertThat(HandlerDiscovery.forClass(GeneratedCharm.class))
                .isInstanceOf(GeneratedCharm_ReactiveHandlers.class);
        assertThat(Harness.of(GeneratedCharm.class).hook("install").run().invoked())
                .containsExactly("GeneratedCharm.fromIndex");
        assertThat(HandlerDiscovery.forClass(Apple.class))
                .hasToString("reflective index of " + Apple.class.getName());
    }

    static class FullStack {
        @When("test")
        void topLevel(Flags flags) {
            flags.set("top-level");
        }

        @When("test")
        @WhenNot("to-remove")
        void notRemoved(Flags flags) {
            flags.set("test-remove-not");
        }

        @WhenAny({"test", "missing"})
        void whenAny(Flags flags) {
            flags.set("when-any");
        }

        @WhenNotAll({"test", "missing"})
        void whenNotAll(Flags flags) {
            flags.set("when-not-all");
        }

        @When("missing")
        void whenNegative(Flags flags) {
            flags.set("when-neg");
        }

        @When("test")
        @OnlyOnce
        void onlyOnce(Flags flags) {
            flags.set(flags.isSet("only-once") ? "only-once-repeat" : "only-once");
        }

        @When("test")
        void repeats(Flags flags) {
            flags.set(flags.isSet("when") ? "when-repeat" : "when");
        }

        @Hook("{requires:test}-relation-{changed,joined}")
        void relationHook(Flags flags) {
            flags.set("test-rel.ready");
            flags.clear("to-remove");
        }

        @When("test-rel.ready")
        void relation(Flags flags, Log log) {
            log.info("relation ready");
            flags.set("relation");
        }
    }

    @Test
    void b17_b18_fullStackOverTwoHooks() {
        Harness harness = Harness.of(FullStack.class)
                .relations(RelationDeclaration.requires("test-rel", "test"))
                .flags("test", "to-remove");
        Result first = harness.hook("config-changed").run();
        assertThat(first.flags()).contains("top-level", "when-any", "when-not-all", "only-once", "when", "to-remove")
                .doesNotContain("relation", "test-rel.ready", "when-neg", "test-remove-not", "only-once-repeat",
                        "when-repeat");

        Result second = harness.state(first.state()).hook("test-rel-relation-joined").run();
        assertThat(second.flags()).contains("test-rel.ready", "relation", "test-remove-not", "when-repeat")
                .doesNotContain("to-remove", "only-once-repeat");
        assertThat(second.invoked()).startsWith("FullStack.relationHook").doesNotContain("FullStack.onlyOnce");
    }

    @Test
    void b19_theDispatchIsTracedPhaseByPhase() {
        Result result = Harness.of(FullStack.class).flags("test").hook("config-changed").run();
        assertThat(result.trace()).contains("tracer: starting handler dispatch, 1 flags set",
                "tracer: hooks phase, 0 handlers queued");
        assertThat(result.trace()).anyMatch(l -> l.startsWith("tracer: main dispatch loop, "));
        assertThat(result.trace()).contains("Invoking reactive handler: FullStack.topLevel");
    }
}
