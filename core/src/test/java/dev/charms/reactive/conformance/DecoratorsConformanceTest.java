package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.CollectMetrics;
import dev.charms.reactive.Hook;
import dev.charms.reactive.MeterStatusChanged;
import dev.charms.reactive.NotUnless;
import dev.charms.reactive.OnlyOnce;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenAll;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenFileChanged;
import dev.charms.reactive.WhenNone;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.WhenNotAll;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference §12.2 (tests/test_decorators.py). */
class DecoratorsConformanceTest {

    static class RelationHook {
        @Hook("{requires:mysql}-relation-{joined,changed}")
        void handler(Flags flags) {
            flags.set("ran");
        }
    }

    @Test
    void d01_hookPatternsExpandRelationsAndAlternatives() {
        Harness harness = Harness.of(RelationHook.class).relations(RelationDeclaration.requires("db", "mysql"));
        assertThat(harness.hook("db-relation-joined").run().invoked()).containsExactly("RelationHook.handler");
        assertThat(harness.hook("db-relation-changed").run().invoked()).containsExactly("RelationHook.handler");
        assertThat(harness.hook("db-relation-departed").run().invoked()).isEmpty();
        assertThat(harness.hook("mysql-relation-joined").run().invoked()).isEmpty();
    }

    static class Conditions {
        @WhenAll({"foo", "bar", "qux"})
        void whenAll() {
        }

        @When({"foo", "bar", "qux"})
        void when() {
        }

        @WhenAny({"foo", "bar", "qux"})
        void whenAny() {
        }

        @WhenNone({"foo", "bar", "qux"})
        void whenNone() {
        }

        @WhenNot({"foo", "bar", "qux"})
        void whenNot() {
        }

        @WhenNotAll({"foo", "bar", "qux"})
        void whenNotAll() {
        }
    }

    private static Result conditions(String... flags) {
        return Harness.of(Conditions.class).flags(flags).hook("update-status").run();
    }

    @Test
    void d02_d03_whenAllAndItsAliasWhenNeedEveryFlag() {
        assertThat(conditions("foo", "bar", "qux").invoked()).contains("Conditions.whenAll", "Conditions.when");
        assertThat(conditions("foo", "bar").invoked()).doesNotContain("Conditions.whenAll", "Conditions.when");
    }

    @Test
    void d04_whenAnyNeedsOneFlag() {
        assertThat(conditions("bar").invoked()).contains("Conditions.whenAny");
        assertThat(conditions().invoked()).doesNotContain("Conditions.whenAny");
    }

    @Test
    void d05_d06_whenNoneAndItsAliasWhenNotNeedNoFlag() {
        assertThat(conditions().invoked()).contains("Conditions.whenNone", "Conditions.whenNot");
        assertThat(conditions("qux").invoked()).doesNotContain("Conditions.whenNone", "Conditions.whenNot");
    }

    @Test
    void d07_whenNotAllNeedsOneFlagMissing() {
        assertThat(conditions("foo", "bar").invoked()).contains("Conditions.whenNotAll");
        assertThat(conditions("foo", "bar", "qux").invoked()).doesNotContain("Conditions.whenNotAll");
        assertThat(conditions("foo", "bar", "qux").invoked())
                .containsExactly("Conditions.whenAll", "Conditions.when", "Conditions.whenAny");
    }

    static class FileWatchers {
        @WhenFileChanged({"file1", "file2"})
        void first() {
        }

        @WhenFileChanged(value = {"file3", "file4"}, hash = "sha256")
        void second() {
        }
    }

    @Test
    void d08_whenFileChangedWatchesEachFileWithItsAlgorithm(@TempDir Path dir) throws IOException {
        assertThat(ReactiveHandlers.of(FileWatchers.class).handlers().get(1).conditions().get(0))
                .isEqualTo(new Condition(Condition.Kind.FILE_CHANGED, java.util.List.of("file3", "file4"), "sha256"));
        Files.writeString(dir.resolve("file1"), "one");
        Files.writeString(dir.resolve("file3"), "three");
        Harness harness = Harness.of(FileWatchers.class).charmDir(dir).hook("update-status");
        Result first = harness.run();
        assertThat(first.invoked()).containsExactly("FileWatchers.first", "FileWatchers.second");

        Files.writeString(dir.resolve("file2"), "two");
        Result second = harness.state(first.state()).run();
        assertThat(second.invoked()).containsExactly("FileWatchers.first");
    }

    static class Asserting {
        @Hook("update-status")
        @NotUnless({"foo", "bar"})
        void test() {
        }
    }

    @Test
    void d09_notUnlessWarnsAboutMissingFlagsAndRunsAnyway() {
        Harness harness = Harness.of(Asserting.class).hook("update-status");
        assertThat(warnings(harness.run())).containsExactly("Asserting.test called before flags: foo, bar");
        assertThat(warnings(harness.flags("foo").run())).containsExactly("Asserting.test called before flag: bar");
        Result quiet = harness.flags("foo", "bar").run();
        assertThat(warnings(quiet)).isEmpty();
        assertThat(quiet.invoked()).containsExactly("Asserting.test");
    }

    private static java.util.List<String> warnings(Result result) {
        return result.log().stream().filter(l -> l.level() == LogLevel.WARNING).map(LogLine::message).toList();
    }

    static class Once {
        @Hook("update-status")
        @OnlyOnce
        void once() {
        }
    }

    static class OnceFirst {
        @OnlyOnce
        @Hook("update-status")
        void once() {
        }
    }

    @Test
    void d10_d11_onlyOnceRunsOnceWhateverTheAnnotationOrder() {
        for (Class<?> type : java.util.List.of(Once.class, OnceFirst.class)) {
            Harness harness = Harness.of(type).hook("update-status");
            Result first = harness.run();
            assertThat(first.invoked()).hasSize(1);
            assertThat(harness.state(first.state()).run().invoked()).isEmpty();
        }
    }

    static class Multi {
        @When("foo")
        @When("bar")
        void test1() {
        }

        @When("foo")
        @WhenNot("bar")
        void test2() {
        }
    }

    static class MultiClearing {
        @When("foo")
        @When("bar")
        void test1() {
        }

        @When("foo")
        @WhenNot("bar")
        void test2() {
        }

        @When("foo")
        void test3(Flags flags) {
            flags.clear("bar");
        }
    }

    @Test
    void d12_stackedConditionsAreAnded() {
        assertThat(Harness.of(Multi.class).flags("foo", "bar").hook("update-status").run().invoked())
                .containsExactly("Multi.test1");
        assertThat(Harness.of(Multi.class).flags("foo").hook("update-status").run().invoked())
                .containsExactly("Multi.test2");
        Result clearing = Harness.of(MultiClearing.class).flags("foo", "bar").hook("update-status").run();
        assertThat(clearing.invoked()).containsExactly("MultiClearing.test1", "MultiClearing.test3",
                "MultiClearing.test2");
        assertThat(clearing.flags()).containsExactly("foo");
    }

    static class Restricted {
        @CollectMetrics
        void metrics() {
        }

        @MeterStatusChanged
        void meter() {
        }
    }

    @Test
    void d13_d14_restrictedHandlersRunOnceInTheirOwnHookOnly() {
        Harness harness = Harness.of(Restricted.class);
        assertThat(harness.hook("collect-metrics").run().invoked()).containsExactly("Restricted.metrics");
        assertThat(harness.hook("meter-status-changed").run().invoked()).containsExactly("Restricted.meter");
        assertThat(harness.hook("update-status").run().invoked()).isEmpty();
    }
}
