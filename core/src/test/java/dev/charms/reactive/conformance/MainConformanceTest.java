package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.charms.reactive.Hook;
import dev.charms.reactive.MeterStatusChanged;
import dev.charms.reactive.When;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference §12.5 (tests/test_main.py), against the hook runner Main calls. */
class MainConformanceTest {

    static class Charm {
        @When("config.changed")
        void configured(Flags flags) {
            flags.set("saw.config.changed");
        }

        @Hook("fail")
        void fail() {
            throw new IllegalStateException("boom");
        }

        @MeterStatusChanged
        void meter(Flags flags) {
            flags.set("metered");
            flags.set("saw.config.changed." + flags.isSet("config.changed"));
        }
    }

    private final HookRunner runner = HookRunner.builder(HandlerSet.of(ReactiveHandlers.of(Charm.class)))
            .configOptions(List.of(ConfigOption.string("name", "x")))
            .build();
    private final InMemoryJujuBackend backend = new InMemoryJujuBackend(Map.of("name", "x"), false, Map.of(),
            new StatusValue("unknown", ""), Map.of());

    private static List<LogLine> info(List<LogLine> log) {
        return log.stream().filter(l -> l.level() == LogLevel.INFO && !l.message().startsWith("Invoking")).toList();
    }

    @Test
    void m01_aNormalHookRunsTheStartStepsDispatchesAndCommits() {
        HookOutcome outcome = runner.run(backend, "hook_name", new JsonObject());
        assertThat(info(outcome.log())).containsExactly(new LogLine(LogLevel.INFO, "Reactive main running for hook hook_name"));
        assertThat(outcome.invoked()).containsExactly("Charm.configured");
        UnitState committed = UnitState.fromJson(outcome.state());
        assertThat(committed.flags()).containsExactly("saw.config.changed");
        assertThat(committed.previousConfig()).isPresent();
        assertThat(backend.log()).isEqualTo(outcome.log());
    }

    @Test
    void m01_aFailingHookCommitsNothingAndLogsTheError() {
        assertThatThrownBy(() -> runner.run(backend, "fail", new JsonObject()))
                .isInstanceOf(HookFailedException.class)
                .hasMessage("hook fail failed in handler Charm.fail: java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(((HookFailedException) e).log())
                        .anyMatch(l -> l.level() == LogLevel.ERROR && l.message().startsWith("Hook error:\n")
                                && l.message().contains("boom")))
                .satisfies(e -> assertThat(((HookFailedException) e).invoked()).containsExactly("Charm.fail"));
    }

    @Test
    void m02_aRestrictedHookSkipsTheStartStepsButCommits() {
        HookOutcome outcome = runner.run(backend, "meter-status-changed", new JsonObject());
        assertThat(info(outcome.log())).containsExactly(
                new LogLine(LogLevel.INFO, "Reactive main running for hook meter-status-changed"),
                new LogLine(LogLevel.INFO, "Restricted mode."));
        assertThat(outcome.invoked()).containsExactly("Charm.meter");
        UnitState committed = UnitState.fromJson(outcome.state());
        assertThat(committed.flags()).containsExactly("metered", "saw.config.changed.false");
        assertThat(committed.previousConfig()).isEmpty();
    }
}
