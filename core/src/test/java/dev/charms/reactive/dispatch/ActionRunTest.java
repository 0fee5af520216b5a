package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import dev.charms.reactive.discovery.ReactiveHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Actions through the hook runner: the action handler, then the flag loop; refusals; config flags. */
class ActionRunTest {

    static class Charm {
        @Action("backup")
        void backup(ActionContext action, Flags flags) {
            action.log("backing up to " + action.getString("target"));
            action.set("backup", Map.of("target", action.getString("target"), "level", action.getLong("level")));
            if (action.getBoolean("refuse")) {
                action.fail("refused");
            }
            flags.set("app.backed-up");
        }

        @Action("explode")
        void explode(Flags flags) {
            flags.set("app.exploded");
            throw new IllegalStateException("boom");
        }

        @When("app.backed-up")
        void afterBackup(Flags flags) {
            flags.set("app.saw-backup");
        }

        @When("config.changed")
        void configChanged(Flags flags) {
            flags.set("app.saw-config-changed");
        }

        @When("config.set.name")
        void nameSet(Flags flags) {
            flags.set("app.saw-name-set");
        }

        @Hook("backup")
        void hookNamedLikeTheAction(Flags flags) {
            flags.set("app.hook-ran");
        }
    }

    private static final String ACTIONS = """
            backup:
              params:
                target: {type: string}
                level: {type: integer, default: 3}
                refuse: {type: boolean, default: false}
              required: [target]
              additionalProperties: false
            explode:
            idle:
            """;

    private final HookRunner runner = HookRunner.builder(HandlerSet.of(ReactiveHandlers.of(Charm.class)))
            .configOptions(List.of(ConfigOption.string("name", "x")))
            .actions(ActionsYaml.parse(ACTIONS, "actions.yaml"))
            .build();

    private static InMemoryJujuBackend backend(Map<String, ?> params) {
        return new InMemoryJujuBackend(Map.of("name", "y"), false, Map.of(), new StatusValue("active", ""), params);
    }

    private static List<ToolCall> actionCalls(InMemoryJujuBackend backend) {
        return backend.calls().stream().filter(c -> c.tool().startsWith("action-") && !c.tool().equals("action-get"))
                .toList();
    }

    @Test
    void theActionHandlerRunsWithDefaultsThenItsFlagsWakeHandlersInTheSameRun() {
        InMemoryJujuBackend backend = backend(Map.of("target", "/srv"));

        HookOutcome outcome = runner.runAction(backend, "backup", new JsonObject());

        assertThat(outcome.invoked()).startsWith("Charm.backup").contains("Charm.afterBackup")
                .doesNotContain("Charm.hookNamedLikeTheAction");
        assertThat(UnitState.fromJson(outcome.state()).flags()).contains("app.backed-up", "app.saw-backup");
        assertThat(actionCalls(backend)).containsExactly(
                new ToolCall("action-log", List.of("backing up to /srv")),
                new ToolCall("action-set", List.of(Map.of("backup.target", "/srv", "backup.level", "3"))));
    }

    @Test
    void failMarksTheActionFailedButTheRunCommits() {
        InMemoryJujuBackend backend = backend(Map.of("target", "/srv", "refuse", true));

        HookOutcome outcome = runner.runAction(backend, "backup", new JsonObject());

        assertThat(actionCalls(backend)).contains(new ToolCall("action-fail", List.of("refused")));
        assertThat(UnitState.fromJson(outcome.state()).flags()).contains("app.saw-backup");
    }

    @Test
    void invalidParamsFailTheActionNamingEachParamAndRunNothing() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("level", "high");
        params.put("colour", "red");
        InMemoryJujuBackend backend = backend(params);
        JsonObject state = new JsonObject();

        HookOutcome outcome = runner.runAction(backend, "backup", state);

        assertThat(outcome.invoked()).isEmpty();
        assertThat(outcome.state()).isEqualTo(state);
        assertThat(actionCalls(backend)).containsExactly(new ToolCall("action-fail", List.of(
                "invalid parameters for action backup: missing required parameter \"target\"; "
                        + "parameter \"level\" must be an integer, not a string (high); "
                        + "unknown parameter \"colour\"; action backup takes target, level, refuse")));
    }

    @Test
    void anActionWithoutHandlerFailsNamingTheActionsThatHaveHandlers() {
        InMemoryJujuBackend backend = backend(Map.of());

        HookOutcome outcome = runner.runAction(backend, "idle", new JsonObject());

        assertThat(outcome.invoked()).isEmpty();
        assertThat(actionCalls(backend)).containsExactly(new ToolCall("action-fail", List.of(
                "action idle has no handler in this charm: add @Action(\"idle\") to a handler method. "
                        + "Actions with handlers: backup, explode")));
        assertThat(backend.calls()).extracting(ToolCall::tool).doesNotContain("config-get");
        assertThat(runner.handledActions()).containsExactly("backup", "explode");
    }

    @Test
    void aThrowingActionHandlerFailsTheRunAndCommitsNothing() {
        assertThatThrownBy(() -> runner.runAction(backend(Map.of()), "explode", new JsonObject()))
                .isInstanceOf(HookFailedException.class)
                .hasMessageContaining("in handler Charm.explode")
                .hasRootCauseMessage("boom");
    }

    @Test
    void anActionNeitherReportsNorConsumesAPendingConfigChange() {
        JsonObject afterHook = runner.run(backend(Map.of()), "config-changed", new JsonObject()).state();
        InMemoryJujuBackend changed = new InMemoryJujuBackend(Map.of("name", "z"), false, Map.of(),
                new StatusValue("active", ""), Map.of("target", "/srv"));

        HookOutcome action = runner.runAction(changed, "backup", afterHook);
        HookOutcome next = runner.run(changed, "config-changed", action.state());

        assertThat(action.invoked()).contains("Charm.backup").doesNotContain("Charm.configChanged");
        assertThat(UnitState.fromJson(action.state()).flags()).contains("app.saw-name-set")
                .noneMatch(f -> f.startsWith("config."));
        assertThat(next.invoked()).contains("Charm.configChanged");
    }

    /** A layer below the charm that serves the charm's backup action too. */
    static class BackupLayer {
        @Action("backup")
        void backup(ActionContext action) {
        }
    }

    /** A class serving one action twice. */
    static class TwiceServed {
        @Action("restore")
        void restore(ActionContext action) {
        }

        @Action("restore")
        void restoreAgain(ActionContext action) {
        }
    }

    @Test
    void twoHandlersOfOneActionAreRefusedNamingBothWhetherInTwoLayersOrOne() {
        assertThatThrownBy(() -> HandlerSet.of(ReactiveHandlers.of(BackupLayer.class), ReactiveHandlers.of(Charm.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("action backup has two @Action handlers, " + BackupLayer.class.getName() + ".backup and "
                        + Charm.class.getName() + ".backup (in layer order): Juju runs an action once, so one handler"
                        + " must serve it. Keep one @Action handler and call the other's code from it");
        String twice = TwiceServed.class.getName();
        assertThatThrownBy(() -> HandlerSet.of(ReactiveHandlers.of(TwiceServed.class)))
                .hasMessageStartingWith("action restore has two @Action handlers, " + twice + ".restore and " + twice
                        + ".restoreAgain (in layer order)");
    }

    @Test
    void aHookHandlerAskingForTheActionContextFailsWithAClearError() {
        HookRunner wrong = HookRunner.builder(HandlerSet.ofDefinitions(List.of(
                dev.charms.reactive.spi.HandlerDefinition.builder(Charm.class, "misplaced")
                        .whenNone("never.set")
                        .parameters(ActionContext.class)
                        .invoker((target, args) -> { })
                        .build()), type -> new Charm())).build();

        assertThatThrownBy(() -> wrong.run(backend(Map.of()), "install", new JsonObject()))
                .isInstanceOf(HookFailedException.class)
                .hasStackTraceContaining("ActionContext is not available in hook install; only @Action handlers may take it");
    }
}
