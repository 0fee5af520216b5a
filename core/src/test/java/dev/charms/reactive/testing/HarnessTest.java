package dev.charms.reactive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class HarnessTest {

    static class HelloCharm {
        @WhenNot("hello.installed")
        void install(Flags flags, Status status) {
            status.maintenance("installing hello");
            flags.set("hello.installed");
        }

        @When({"hello.installed", "config.changed"})
        void configure(Config config, Log log) {
            log.info("greeting is " + config.getString("greeting"));
        }

        @When("hello.installed")
        @WhenNot("hello.started")
        void start(Flags flags, Status status) {
            flags.set("hello.started");
            status.active("ready");
        }
    }

    private final Harness harness = Harness.of(HelloCharm.class)
            .configYaml("options: {greeting: {type: string, default: hello}}");

    @Test
    void aCharmGoesThroughInstallConfigChangedAndStart() {
        Result install = harness.hook("install").run();
        assertThat(install.invoked()).containsExactly("HelloCharm.install", "HelloCharm.configure", "HelloCharm.start");
        assertThat(install.flagsSet()).containsExactly("hello.installed", "hello.started");
        assertThat(install.unitStatus().state()).isEqualTo("active");

        Result changed = harness.state(install.state()).config("greeting", "hi").hook("config-changed").run();
        assertThat(changed.invoked()).containsExactly("HelloCharm.configure");
        assertThat(changed.flagsSet()).isEmpty();
        assertThat(changed.flagsCleared()).isEmpty();
        assertThat(changed.log()).anyMatch(l -> l.message().equals("greeting is hi"));
    }

    @Test
    void theUnitIsLocal0UnlessNamed() {
        assertThat(harness.hook("install").run().unitName()).isEqualTo("local/0");
        assertThat(harness.unitName("hello/3").hook("install").run().unitName()).isEqualTo("hello/3");
        assertThatThrownBy(() -> harness.unitName("hello")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTraceTellsTheWholeDispatch() {
        assertThat(harness.hook("install").run().trace()).containsExactly(
                "tracer: starting handler dispatch, 4 flags set",
                "tracer: set flag config.changed",
                "tracer: set flag config.changed.greeting",
                "tracer: set flag config.default.greeting",
                "tracer: set flag config.set.greeting",
                "tracer: hooks phase, 0 handlers queued",
                "tracer: main dispatch loop, 1 handlers queued",
                "tracer: ++   queue handler HelloCharm.install",
                "Invoking reactive handler: HelloCharm.install",
                "tracer: set flag hello.installed",
                "tracer: ++   queue handler HelloCharm.configure",
                "tracer: ++   queue handler HelloCharm.start",
                "tracer: -- dequeue handler HelloCharm.install",
                "Invoking reactive handler: HelloCharm.configure",
                "Invoking reactive handler: HelloCharm.start",
                "tracer: set flag hello.started",
                "tracer: -- dequeue handler HelloCharm.start");
    }

    static class Identity {
        static final java.util.List<Object> targets = new java.util.ArrayList<>();

        @Hook("install")
        void first() {
            targets.add(this);
        }

        @Hook("install")
        void second() {
            targets.add(this);
        }
    }

    @Test
    void oneInstancePerHandlerClassAndHook() {
        Identity.targets.clear();
        Harness install = Harness.of(Identity.class).hook("install");
        install.run();
        install.run();
        assertThat(Identity.targets).hasSize(4);
        assertThat(Identity.targets.get(0)).isSameAs(Identity.targets.get(1)).isNotSameAs(Identity.targets.get(2));
        assertThat(Identity.targets.get(2)).isSameAs(Identity.targets.get(3));
    }

    static class Greeter {
        private final String greeting;

        Greeter() {
            this("hello");
        }

        Greeter(String greeting) {
            this.greeting = greeting;
        }

        @Hook("install")
        void greet(Log log) {
            log.info(greeting);
        }
    }

    @Test
    void handlersRunOnTheObjectsASupplierMakes() {
        Harness greeter = Harness.of(Greeter.class, HelloCharm.class).instance(Greeter.class, () -> new Greeter("hi"))
                .hook("install");

        assertThat(greeter.run().log()).extracting(LogLine::message).contains("hi").doesNotContain("hello");
        assertThat(greeter.run().invoked()).containsExactly("Greeter.greet", "HelloCharm.install", "HelloCharm.start");
        assertThatThrownBy(() -> greeter.instance(Identity.class, Identity::new)).hasMessage(Identity.class.getName()
                + " has no handlers in this harness; its handler classes are [" + Greeter.class.getName() + ", "
                + HelloCharm.class.getName() + "]");
        assertThat(Harness.of(Greeter.class).hook("install").run().log()).extracting(LogLine::message)
                .contains("hello");
    }

    @Test
    void aHarnessIsImmutable() {
        Harness withFlag = harness.flags("hello.installed", "hello.started").hook("update-status");
        assertThat(withFlag.run().invoked()).containsExactly("HelloCharm.configure");
        assertThat(harness.hook("update-status").run().invoked()).contains("HelloCharm.install");
        assertThat(withFlag.run().invoked()).containsExactly("HelloCharm.configure");
    }

    @Test
    void flagValuesAndClearedFlagsAreReported() {
        Result result = Harness.of(Clearer.class).flag("db.ready", java.util.Map.of("host", "10.0.0.1"))
                .flags("stale").hook("update-status").run();
        assertThat(result.flagsCleared()).containsExactly("stale");
        assertThat(result.flagValue("db.ready").orElseThrow().getAsJsonObject().get("host").getAsString())
                .isEqualTo("10.0.0.1");
    }

    static class Clearer {
        @When("stale")
        void clear(Flags flags) {
            flags.clear("stale");
        }
    }

    static class Broken {
        @Hook("install")
        void boom() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void runThrowsWithTheCauseAndTheWholeLog() {
        assertThatThrownBy(() -> Harness.of(Broken.class).hook("install").run())
                .isInstanceOf(HarnessRunFailed.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hook install failed in handler Broken.boom: java.lang.IllegalStateException: boom")
                .hasMessageContaining("--- log of hook install ---")
                .hasMessageContaining("INFO: Invoking reactive handler: Broken.boom");
    }

    @Test
    void runExpectingFailureRejectsASuccess() {
        assertThatThrownBy(() -> harness.hook("install").runExpectingFailure())
                .hasMessageStartingWith("expected hook install to fail, but it succeeded");
    }

    @Test
    void aHookMustBeNamed() {
        assertThatThrownBy(harness::run).hasMessageStartingWith("no hook to run");
    }

    @Test
    void handlerDefinitionsRunInTheGivenOrder() {
        HandlerDefinition second = HandlerDefinition.builder(HelloCharm.class, "start").whenAll("go")
                .parameters(Flags.class, Status.class)
                .invoker((target, args) -> ((HelloCharm) target).start((Flags) args[0], (Status) args[1]))
                .build();
        HandlerDefinition first = HandlerDefinition.builder(Clearer.class, "clear").whenAll("go")
                .parameters(Flags.class)
                .invoker((target, args) -> ((Clearer) target).clear((Flags) args[0]))
                .build();
        assertThat(Harness.of(second, first).flags("go").hook("update-status").run().invoked())
                .containsExactly("HelloCharm.start", "Clearer.clear");
    }
}
