package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import dev.charms.reactive.Hook;
import dev.charms.reactive.OnlyOnce;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.dispatch.FlagWatch;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.flags.FlagObserver;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference §12.1 (tests/test_bus.py). */
class BusConformanceTest {

    @Test
    void b01_resetForgetsEverything() {
        FlagWatch watch = new FlagWatch();
        watch.change("foo");
        watch.reset();
        assertThat(watch.iteration()).isZero();
        assertThat(watch.pending()).isEmpty();
        assertThat(watch.changes()).isEmpty();
    }

    @Test
    void b02_watchFollowsIterationsAndCommittedChanges() {
        FlagWatch watch = new FlagWatch();
        watch.reset();
        assertThat(watch.watch(List.of("foos"))).isTrue();
        watch.iteration(0);
        assertThat(watch.watch(List.of("foos"))).isTrue();
        watch.iteration(1);
        assertThat(watch.watch(List.of("foos"))).isFalse();

        watch.change("foos");
        assertThat(watch.watch(List.of("foos"))).isFalse();
        watch.commit();
        assertThat(watch.watch(List.of("foos"))).isTrue();

        watch.change("bars");
        watch.commit();
        assertThat(watch.watch(List.of("foos"))).isFalse();
        assertThat(watch.watch(List.of("bars"))).isTrue();
        assertThat(watch.watch(List.of("foos", "bars"))).isTrue();

        watch.commit();
        assertThat(watch.watch(List.of("bars"))).isFalse();
        assertThat(watch.watch(List.of("foos", "bars"))).isFalse();

        watch.change("foos");
        watch.change("bars");
        watch.commit();
        assertThat(watch.watch(List.of("foos"))).isTrue();
        assertThat(watch.watch(List.of("bars"))).isTrue();
        assertThat(watch.watch(List.of("foos", "bars"))).isTrue();
        assertThat(watch.watch(List.of("quxs"))).isFalse();

        watch.commit();
        assertThat(watch.watch(List.of("foos"))).isFalse();
        watch.reset();
        assertThat(watch.watch(List.of("foos"))).isTrue();
    }

    @Test
    void b03_b04_changeIsPendingUntilCommit() {
        FlagWatch watch = new FlagWatch();
        watch.change("foo");
        watch.change("bar");
        assertThat(watch.iteration()).isZero();
        assertThat(watch.pending()).containsExactly("foo", "bar");
        assertThat(watch.changes()).isEmpty();
        watch.commit();
        assertThat(watch.pending()).isEmpty();
        assertThat(watch.changes()).containsExactly("foo", "bar");
    }

    static class Stacked {
        @When("a")
        @WhenNot("b")
        void handler() {
        }
    }

    @Test
    void b05_severalAnnotationsOnOneMethodMakeOneHandler() {
        List<HandlerDefinition> handlers = ReactiveHandlers.of(Stacked.class).handlers();
        assertThat(handlers).hasSize(1);
        assertThat(handlers.get(0).conditions()).extracting(Condition::kind)
                .containsExactly(Condition.Kind.WHEN_ALL, Condition.Kind.WHEN_NONE);
        assertThatThrownBy(() -> HandlerSet.of(ReactiveHandlers.of(Stacked.class),
                ReactiveHandlers.of(Stacked.class)))
                .hasMessageContaining("two handlers have the id " + Stacked.class.getName() + ".handler");
    }

    static class Gated {
        @When("a")
        void watcher() {
        }

        @When("a")
        @WhenNot("z")
        void setsUnwatched(Flags flags) {
            flags.set("z");
        }

        @When("z")
        @WhenNot("b")
        void setsWatched(Flags flags) {
            flags.set("b");
        }

        @When({"a", "b"})
        void wokenByB() {
        }
    }

    @Test
    void b06_laterIterationsTestOnlyHandlersWhoseWatchedFlagChanged() {
        Result result = Harness.of(Gated.class).flags("a").hook("update-status").run();
        assertThat(result.invoked()).containsExactly("Gated.watcher", "Gated.setsUnwatched", "Gated.setsWatched",
                "Gated.wokenByB");
    }

    static class Injected {
        static final List<Object> received = new ArrayList<>();

        @When("go")
        void handler(Flags flags, Log log, Config config) {
            received.add(flags);
            received.add(log);
            received.add(config);
            flags.clear("go");
        }
    }

    @Test
    void b07_b08_parametersAreInjectedByTypeAndTheHandlerRunsOnce() {
        Injected.received.clear();
        Result result = Harness.of(Injected.class).flags("go").hook("update-status").run();
        assertThat(result.invoked()).containsExactly("Injected.handler");
        assertThat(Injected.received).hasSize(3);
        assertThat(Injected.received.get(0)).isInstanceOf(Flags.class);
        assertThat(Injected.received.get(1)).isInstanceOf(Log.class);
        assertThat(Injected.received.get(2)).isInstanceOf(Config.class);
    }

    @Test
    void b12_setGetClearWithValuesAndTheChangesTheWatchSees() {
        UnitState state = UnitState.empty();
        List<String> changes = new ArrayList<>();
        Flags flags = new Flags(state, new FlagObserver() {
            @Override
            public void flagSet(String flag) {
                changes.add(flag);
            }

            @Override
            public void flagCleared(String flag) {
                changes.add(flag);
            }
        });
        flags.set("foo");
        flags.set("bar.ready", "bar");
        flags.set("qux");
        assertThat(state.flags()).containsExactly("bar.ready", "foo", "qux");
        assertThat(state.flagValue("foo")).contains(JsonNull.INSTANCE);
        assertThat(state.flagValue("bar.ready")).contains(new JsonPrimitive("bar"));
        assertThat(flags.value("bar.ready", String.class)).contains("bar");
        flags.clear("foo");
        flags.clear("bar.ready");
        assertThat(state.flags()).containsExactly("qux");
        assertThat(changes).containsExactly("foo", "bar.ready", "qux", "foo", "bar.ready");
    }

    static class Chain {
        @When("foo")
        void foo(Flags flags) {
            flags.set("bar");
        }

        @When("bar")
        @OnlyOnce
        void bar() {
        }

        @When({"foo", "bar"})
        void both(Flags flags) {
            flags.set("qux");
        }

        @When("qux")
        void qux() {
        }

        @When("foo")
        void foo2() {
        }

        @When("bar")
        void bar2() {
        }
    }

    @Test
    void b13_dispatchChain() {
        Harness harness = Harness.of(Chain.class).hook("update-status");
        assertThat(harness.run().invoked()).isEmpty();

        Result first = harness.flags("foo").run();
        assertThat(first.invoked()).containsExactly("Chain.foo", "Chain.foo2", "Chain.bar", "Chain.both",
                "Chain.bar2", "Chain.qux");
        assertThat(first.flags()).containsExactly("bar", "foo", "qux");

        Result second = harness.state(first.state()).run();
        assertThat(second.invoked()).containsExactly("Chain.foo", "Chain.both", "Chain.qux", "Chain.foo2", "Chain.bar2");
    }

    static class RemoveFirst {
        @When("foo")
        void h1(Flags flags) {
            flags.clear("foo");
        }

        @When("foo")
        void h2() {
        }

        @When("bar")
        void h3() {
        }
    }

    static class RemoveSecond {
        @When("foo")
        void h2() {
        }

        @When("foo")
        void h1(Flags flags) {
            flags.clear("foo");
        }

        @When("bar")
        void h3() {
        }
    }

    @Test
    void b14_aClearReTestsTheRestOfTheQueue() {
        Result dropped = Harness.of(RemoveFirst.class).flags("foo", "bar").hook("update-status").run();
        assertThat(dropped.invoked()).containsExactly("RemoveFirst.h1", "RemoveFirst.h3");
        assertThat(dropped.flags()).containsExactly("bar");

        Result kept = Harness.of(RemoveSecond.class).flags("foo", "bar").hook("update-status").run();
        assertThat(kept.invoked()).containsExactly("RemoveSecond.h2", "RemoveSecond.h1", "RemoveSecond.h3");
    }

    static class FlagFirst {
        @When("foos")
        void h1() {
        }

        @Hook("fook")
        void h2() {
        }
    }

    static class HookFirst {
        @Hook("fook")
        void h2() {
        }

        @When("foos")
        void h1() {
        }
    }

    @Test
    void b15_theHooksPhaseRunsFirstWhateverTheOrder() {
        assertThat(Harness.of(FlagFirst.class).flags("foos").hook("fook").run().invoked())
                .containsExactly("FlagFirst.h2", "FlagFirst.h1");
        assertThat(Harness.of(HookFirst.class).flags("foos").hook("fook").run().invoked())
                .containsExactly("HookFirst.h2", "HookFirst.h1");
    }
}
