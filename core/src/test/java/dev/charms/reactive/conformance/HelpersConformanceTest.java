package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.CollectMetrics;
import dev.charms.reactive.Hook;
import dev.charms.reactive.MeterStatusChanged;
import dev.charms.reactive.WhenAll;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenFileChanged;
import dev.charms.reactive.WhenNone;
import dev.charms.reactive.WhenNotAll;
import dev.charms.reactive.dispatch.HookPatterns;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.FlagObserver;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference §12.4 (tests/test_helpers.py). */
class HelpersConformanceTest {
    private final Flags flags = new Flags(UnitState.empty(), FlagObserver.NONE);

    @Test
    void h01_toggleIsIdempotent() {
        flags.toggle("foo", true);
        flags.toggle("foo", true);
        flags.toggle("bar", false);
        flags.toggle("bar", false);
        assertThat(flags.isSet("foo")).isTrue();
        assertThat(flags.isSet("bar")).isFalse();
    }

    @Test
    void h02_isSetFollowsTheFlag() {
        assertThat(flags.isSet("foo")).isFalse();
        flags.set("foo");
        assertThat(flags.isSet("foo")).isTrue();
    }

    @Test
    void h03_allSet() {
        flags.set("foo");
        flags.set("bar");
        assertThat(flags.allSet("foo")).isTrue();
        assertThat(flags.allSet("bar")).isTrue();
        assertThat(flags.allSet("foo", "bar")).isTrue();
        assertThat(flags.allSet("foo", "bar", "qux")).isFalse();
        assertThat(flags.allSet("foo", "qux")).isFalse();
        assertThat(flags.allSet("bar", "qux")).isFalse();
        assertThat(flags.allSet("qux")).isFalse();
        assertThat(flags.allSet()).isTrue();
    }

    @Test
    void h04_anySet() {
        flags.set("foo");
        flags.set("bar");
        assertThat(flags.anySet("foo")).isTrue();
        assertThat(flags.anySet("bar")).isTrue();
        assertThat(flags.anySet("foo", "bar")).isTrue();
        assertThat(flags.anySet("foo", "bar", "qux")).isTrue();
        assertThat(flags.anySet("foo", "qux")).isTrue();
        assertThat(flags.anySet("bar", "qux")).isTrue();
        assertThat(flags.anySet("qux")).isFalse();
        assertThat(flags.anySet()).isFalse();
    }

    @Test
    void h05_braceExpansion() {
        assertThat(HookPatterns.expand(List.of("A"), List.of())).containsExactly("A");
        assertThat(HookPatterns.expand(List.of("{A}"), List.of())).containsExactly("A");
        assertThat(HookPatterns.expand(List.of("{A,B}"), List.of())).containsExactly("A", "B");
        assertThat(HookPatterns.expand(List.of("{A,B}", "{C,D}"), List.of())).containsExactly("A", "B", "C", "D");
        assertThat(HookPatterns.expand(List.of("{A,B}{C,D}"), List.of())).containsExactlyInAnyOrder("AC", "BC", "AD", "BD");
        assertThat(HookPatterns.expand(List.of("{A,B}{A,B}"), List.of())).containsExactlyInAnyOrder("AA", "BA", "AB", "BB");
    }

    @Test
    void h06_anyHook() {
        List<RelationDeclaration> none = List.of();
        assertThat(HookPatterns.matches("config-changed", List.of("foo", "bar"), none)).isFalse();
        assertThat(HookPatterns.matches("config-changed", List.of("foo", "config-changed"), none)).isTrue();
        assertThat(HookPatterns.matches("config-changed", List.of("config-{set,changed}"), none)).isTrue();
        assertThat(HookPatterns.matches("config-changed", List.of("config-{changed,set}"), none)).isTrue();
        assertThat(HookPatterns.matches("config-changed", List.of("{config,option}-{changed,set}"), none)).isTrue();

        List<RelationDeclaration> metadata = List.of(RelationDeclaration.requires("db1", "mysql"),
                RelationDeclaration.requires("db2", "postgres"), RelationDeclaration.provides("db3", "mysql"));
        assertThat(HookPatterns.matches("db1-relation-changed", List.of("{requires:http}-relation-changed"), metadata))
                .isFalse();
        assertThat(HookPatterns.matches("db1-relation-changed", List.of("{requires:postgres}-relation-changed"),
                metadata)).isFalse();
        assertThat(HookPatterns.matches("db1-relation-changed", List.of("{requires:mysql}-relation-changed"), metadata))
                .isTrue();
        assertThat(HookPatterns.matches("db3-relation-changed", List.of("{requires:mysql}-relation-changed"), metadata))
                .isFalse();
        assertThat(HookPatterns.matches("db3-relation-changed", List.of("{provides:mysql}-relation-changed"), metadata))
                .isTrue();
        assertThat(HookPatterns.matches("db3-relation-changed", List.of("{provides:mysql}-relation-{joined,changed}"),
                metadata)).isTrue();
    }

    static class Files3 {
        @WhenFileChanged({"file1"})
        void one() {
        }

        @WhenFileChanged({"file1", "file2"})
        void oneOrTwo() {
        }

        @WhenFileChanged(value = "file3", hash = "sha256")
        void three() {
        }
    }

    @Test
    void h07_fileChangesAreComparedWithTheHashRecordedWhenTheHandlerLastRan(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("file1"), "hash1");
        Files.writeString(dir.resolve("file2"), "hash2");
        Files.writeString(dir.resolve("file3"), "hash3");
        Harness harness = Harness.of(Files3.class).charmDir(dir).hook("update-status");
        Result seeded = harness.run();
        assertThat(seeded.invoked()).containsExactly("Files3.one", "Files3.oneOrTwo", "Files3.three");

        Files.writeString(dir.resolve("file2"), "changed1");
        Files.writeString(dir.resolve("file3"), "changed2");
        Result changed = harness.state(seeded.state()).run();
        assertThat(changed.invoked()).containsExactly("Files3.oneOrTwo", "Files3.three");

        assertThat(harness.state(changed.state()).run().invoked()).isEmpty();
    }

    @Test
    void h09_onlyOnceMarks() {
        UnitState state = UnitState.empty();
        assertThat(state.wasInvoked("foo")).isFalse();
        assertThat(state.wasInvoked("foo")).isFalse();
        state.markInvoked("foo");
        assertThat(state.wasInvoked("foo")).isTrue();
    }

    @Test
    void h10_dataChanged() {
        DataChanged data = new DataChanged(UnitState.empty());
        Map<String, Object> d1 = Map.of("foo", "bár", "n", 1);
        Map<String, Object> d2 = Map.of("foo", "baz");
        assertThat(data.changed("foo", d1)).isTrue();
        assertThat(data.changed("foo", d1)).isFalse();
        assertThat(data.changed("bar", d1)).isTrue();
        assertThat(data.changed("foo", d2)).isTrue();
        assertThat(data.changed("foo", d2)).isFalse();
    }

    static class HookOnly {
        @Hook("update-status")
        void hook() {
        }
    }

    @Test
    void h11_hookHandlersRunInTheHooksPhaseOnly() {
        assertThat(Harness.of(HookOnly.class).hook("update-status").run().invoked()).containsExactly("HookOnly.hook");
        assertThat(Harness.of(HookOnly.class).hook("install").run().invoked()).isEmpty();
    }

    static class Predicates {
        @WhenAll({"state1", "state2"})
        void whenAll() {
        }

        @WhenAny({"state1", "state2"})
        void whenAny() {
        }

        @WhenNone({"state1", "state2"})
        void whenNone() {
        }

        @WhenNotAll({"state1", "state2"})
        void whenNotAll() {
        }
    }

    private static Result predicates(String... flags) {
        return Harness.of(Predicates.class).flags(flags).hook("update-status").run();
    }

    @Test
    void h12_to_h15_flagConditionsHoldInTheFlagLoopOnly() {
        for (Result result : List.of(predicates(), predicates("state1"), predicates("state1", "state2"))) {
            assertThat(result.trace()).contains("tracer: hooks phase, 0 handlers queued");
        }
        assertThat(predicates().invoked()).containsExactly("Predicates.whenNone", "Predicates.whenNotAll");
        assertThat(predicates("state1").invoked()).containsExactly("Predicates.whenAny", "Predicates.whenNotAll");
        assertThat(predicates("state1", "state2").invoked()).containsExactly("Predicates.whenAll", "Predicates.whenAny");
    }

    static class RestrictedHooks {
        @MeterStatusChanged
        void meter() {
        }

        @CollectMetrics
        void metrics() {
        }
    }

    @Test
    void h16_restrictedHandlersMatchOnlyTheirHookInRestrictedMode() {
        Harness harness = Harness.of(RestrictedHooks.class);
        assertThat(harness.hook("meter-status-changed").run().invoked()).containsExactly("RestrictedHooks.meter");
        assertThat(harness.hook("config-changed").run().invoked()).isEmpty();
    }
}
