package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.charms.reactive.Hook;
import dev.charms.reactive.OnlyOnce;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenFileChanged;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our fixes over charms.reactive (docs/differences.md), each shown failing the reference's way. */
class DispatchFixesTest {

    static class Flipper {
        @When("a")
        void flip(Flags flags) {
            flags.clear("a");
            flags.set("b");
        }

        @When("b")
        void flop(Flags flags) {
            flags.clear("b");
            flags.set("a");
        }
    }

    @Test
    void hittingTheIterationCapFailsTheHarnessWithAReport() {
        Failure failure = Harness.of(Flipper.class).flags("a").iterationCap(10).hook("update-status")
                .runExpectingFailure();
        assertThat(failure.cause()).isInstanceOf(IterationCapExceededException.class);
        IterationReport report = ((IterationCapExceededException) failure.cause()).report();
        assertThat(report.cap()).isEqualTo(10);
        assertThat(report.lastIterations()).hasSize(5).allSatisfy(i -> assertThat(i).hasSize(1));
        assertThat(report.lastIterations().get(4)).containsExactly("Flipper.flop");
        assertThat(report.changingFlags()).containsOnlyKeys("a", "b");
        assertThat(report.stillQueued()).containsExactly("Flipper.flip");
        assertThat(failure.cause().getMessage())
                .startsWith("the flag loop of hook update-status did not settle within 10 iterations")
                .contains("iteration 9: Flipper.flop", "flags still changing: a (5x), b (5x)");
        assertThat(failure.state().getAsJsonObject("flags").keySet()).containsExactly("a");
    }

    @Test
    void inProductionTheCapIsAWarningAndTheHookCommits() {
        HookRunner runner = HookRunner.builder(HandlerSet.of(ReactiveHandlers.of(Flipper.class)))
                .iterationCap(4).build();
        JsonObject state = new JsonObject();
        JsonObject flags = new JsonObject();
        flags.add("a", com.google.gson.JsonNull.INSTANCE);
        state.add("flags", flags);
        HookOutcome outcome = runner.run(new InMemoryJujuBackend(), "update-status", state);
        assertThat(outcome.iterationReport()).isPresent();
        assertThat(outcome.log()).anyMatch(l -> l.level() == LogLevel.WARNING
                && l.message().contains("did not settle within 4 iterations"));
        assertThat(outcome.invoked()).containsExactly("Flipper.flip", "Flipper.flop", "Flipper.flip", "Flipper.flop");
    }

    static class Chain {
        @When("one")
        void first(Flags flags) {
            flags.set("two");
        }

        @When("two")
        void second(Flags flags) {
            flags.set("three");
        }

        @When("three")
        void third() {
        }
    }

    @Test
    void aLoopThatSettlesInExactlyCapIterationsIsNotReported() {
        Result result = Harness.of(Chain.class).flags("one").iterationCap(3).hook("update-status").run();
        assertThat(result.invoked()).containsExactly("Chain.first", "Chain.second", "Chain.third");
    }

    static class PhaseFree {
        @OnlyOnce
        void once() {
        }

        @dev.charms.reactive.CollectMetrics
        void metrics() {
        }
    }

    @Test
    void restrictedHooksRunOnlyRestrictedHandlers() {
        assertThat(Harness.of(PhaseFree.class).hook("collect-metrics").run().invoked())
                .containsExactly("PhaseFree.metrics");
        assertThat(Harness.of(PhaseFree.class).hook("update-status").run().invoked()).containsExactly("PhaseFree.once");
    }

    static class TwoWatchers {
        @WhenFileChanged("app.conf")
        void reload() {
        }

        @WhenFileChanged("app.conf")
        void audit() {
        }
    }

    @Test
    void twoHandlersWatchingOneFileBothFire(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.conf"), "v1");
        Harness harness = Harness.of(TwoWatchers.class).charmDir(dir).hook("update-status");
        Result first = harness.run();
        assertThat(first.invoked()).containsExactly("TwoWatchers.reload", "TwoWatchers.audit");
        Files.writeString(dir.resolve("app.conf"), "v2");
        assertThat(harness.state(first.state()).run().invoked()).containsExactly("TwoWatchers.reload", "TwoWatchers.audit");
    }

    static class ClearBeforeFile {
        @Hook("update-status")
        void clears(Flags flags) {
            flags.clear("anything");
        }

        @WhenFileChanged("app.conf")
        void reload() {
        }
    }

    @Test
    void aReTestAfterAClearDoesNotLoseAFileChange(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.conf"), "v1");
        Result result = Harness.of(ClearBeforeFile.class).charmDir(dir).hook("update-status").run();
        assertThat(result.invoked()).containsExactly("ClearBeforeFile.clears", "ClearBeforeFile.reload");
    }

    static class DroppedFileHandler {
        @When({"ready", "drop"})
        void unready(Flags flags) {
            flags.clear("ready");
            flags.clear("drop");
        }

        @When("ready")
        @WhenFileChanged("app.conf")
        void reload() {
        }
    }

    @Test
    void aFileHandlerDroppedFromTheQueueStillSeesTheChangeLater(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.conf"), "v1");
        Harness harness = Harness.of(DroppedFileHandler.class).charmDir(dir).hook("update-status");
        Result dropped = harness.flags("ready", "drop").run();
        assertThat(dropped.invoked()).containsExactly("DroppedFileHandler.unready");
        Result later = harness.state(dropped.state()).flags("ready").run();
        assertThat(later.invoked()).containsExactly("DroppedFileHandler.reload");
    }

    static class OnceThenFail {
        @Hook({"install", "update-status"})
        @OnlyOnce
        void bootstrap(Flags flags) {
            flags.set("bootstrapped");
        }

        @When("fail")
        void fail() {
            throw new IllegalStateException("disk full");
        }
    }

    @Test
    void onlyOnceIsMarkedOnlyWhenTheHookCommits() {
        Harness harness = Harness.of(OnceThenFail.class).hook("install");
        Failure failure = harness.flags("fail").runExpectingFailure();
        assertThat(failure.invoked()).containsExactly("OnceThenFail.bootstrap", "OnceThenFail.fail");
        assertThat(failure.state().getAsJsonArray("onlyOnce")).isEmpty();
        JsonObject withoutFail = failure.state();
        withoutFail.getAsJsonObject("flags").remove("fail");
        Result retried = harness.state(withoutFail).run();
        assertThat(retried.invoked()).containsExactly("OnceThenFail.bootstrap");
        assertThat(harness.state(retried.state()).hook("update-status").run().invoked()).isEmpty();
    }

    static class Traced {
        @When("go")
        void go(Flags flags) {
            flags.set("went");
            flags.clear("go");
        }

        @When("went")
        @WhenFileChanged("app.conf")
        void reload(Flags flags) {
            flags.set("reloaded");
        }

        @When("went")
        @OnlyOnce
        void once() {
        }
    }

    @Test
    void tracingChangesNothingButTheLog(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.conf"), "v1");
        Harness harness = Harness.of(Traced.class).charmDir(dir).flags("go").hook("update-status");
        Result traced = harness.run();
        Result untraced = harness.tracing(false).run();
        assertThat(traced.invoked()).containsExactly("Traced.go", "Traced.reload", "Traced.once");
        assertThat(untraced.invoked()).isEqualTo(traced.invoked());
        assertThat(untraced.state()).isEqualTo(traced.state());
        assertThat(traced.trace()).contains("tracer: set flag went", "tracer: ++   queue handler Traced.reload");
        assertThat(untraced.trace()).containsOnly("Invoking reactive handler: Traced.go",
                "Invoking reactive handler: Traced.reload", "Invoking reactive handler: Traced.once");
    }

    static class Transactional {
        @Hook("config-changed")
        void writeEverything(Flags flags, DataChanged data, Leadership leadership) {
            flags.set("written");
            flags.clear("existing");
            data.changed("key", "value");
            leadership.set("password", "secret");
        }

        @When("written")
        void fail() {
            throw new IllegalStateException("late failure");
        }
    }

    @Test
    void aFailingHookCommitsAndPublishesNothing() {
        Harness harness = Harness.of(Transactional.class).leader(true).flags("existing").hook("config-changed")
                .configYaml("options: {port: {type: int, default: 80}}");
        Failure failure = harness.runExpectingFailure();
        assertThat(failure.handler()).contains("Transactional.fail");
        assertThat(failure.calls()).noneMatch(c -> c.tool().equals("leader-set"));
        Result unchanged = Harness.of(Chain.class).state(failure.state()).hook("update-status").run();
        assertThat(unchanged.flags()).containsExactly("existing");
        assertThat(failure.state().getAsJsonObject("dataChanged").size()).isZero();
        assertThat(failure.state().has("config")).isFalse();
    }

    static class RegistersTrigger {
        @Hook("install")
        void register(Flags flags) {
            flags.registerTrigger(Trigger.builder().when("a").setFlag("b").build());
        }

        @Hook({"install", "update-status"})
        void setA(Flags flags) {
            flags.set("a");
        }

        @Hook("install")
        void resetForNextHook(Flags flags) {
            flags.clear("a");
            flags.clear("b");
        }
    }

    @Test
    void triggersLastOneHook() {
        Harness harness = Harness.of(RegistersTrigger.class);
        Result install = harness.hook("install").run();
        assertThat(install.trace()).contains("tracer: set flag b");
        Result next = harness.state(install.state()).hook("update-status").run();
        assertThat(next.flags()).containsExactly("a");
    }
}
