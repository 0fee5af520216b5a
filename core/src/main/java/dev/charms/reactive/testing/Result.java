package dev.charms.reactive.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one successful harness run (a hook or an action) produced. Immutable.
 * <pre>{@code
 * Result result = Harness.of(HelloCharm.class).flags("hello.installed").hook("config-changed").run();
 * assertThat(result.invoked()).containsExactly("HelloCharm.configure", "HelloCharm.start");
 * assertThat(result.flagsSet()).containsExactly("hello.started");
 * Result next = harness.state(result.state()).hook("update-status").run();
 * }</pre>
 */
public final class Result {
    private final String hook;
    private final List<String> invoked;
    private final Set<String> flagsBefore;
    private final UnitState state;
    private final List<LogLine> log;
    private final InMemoryJujuBackend backend;

    Result(String hook, List<String> invoked, Set<String> flagsBefore, JsonObject state, List<LogLine> log,
            InMemoryJujuBackend backend) {
        this.hook = hook;
        this.invoked = List.copyOf(invoked);
        this.flagsBefore = Set.copyOf(flagsBefore);
        this.state = UnitState.fromJson(state);
        this.log = List.copyOf(log);
        this.backend = backend;
    }

    /** The hook that ran, or the action's name. */
    public String hook() {
        return hook;
    }

    /** The unit the hook ran on: {@link Harness#unitName}, {@code local/0} by default. */
    public String unitName() {
        return backend.unitName();
    }

    /** The display names ({@code SimpleClass.method}) of the handlers invoked, in order, with repeats. */
    public List<String> invoked() {
        return invoked;
    }

    /** The flags set after the hook, sorted. */
    public List<String> flags() {
        return List.copyOf(state.flags());
    }

    /** The value of a flag after the hook; empty when unset or set without a value. */
    public Optional<JsonElement> flagValue(String flag) {
        return state.flagValue(flag).filter(v -> !v.isJsonNull());
    }

    /** The flags set after the hook that were not set before it, sorted. */
    public List<String> flagsSet() {
        TreeSet<String> set = new TreeSet<>(state.flags());
        set.removeAll(flagsBefore);
        return List.copyOf(set);
    }

    /** The flags set before the hook that are not set after it, sorted. */
    public List<String> flagsCleared() {
        TreeSet<String> cleared = new TreeSet<>(flagsBefore);
        cleared.removeAll(state.flags());
        return List.copyOf(cleared);
    }

    /** The unit's status after the hook. */
    public StatusValue unitStatus() {
        List<StatusValue> history = unitStatusHistory();
        return history.get(history.size() - 1);
    }

    /** The unit's statuses: the one before the hook, then each one set. */
    public List<StatusValue> unitStatusHistory() {
        return backend.statusHistory(false);
    }

    /** The application's status after the hook. */
    public StatusValue applicationStatus() {
        List<StatusValue> history = applicationStatusHistory();
        return history.get(history.size() - 1);
    }

    /** The application's statuses: {@code unknown}, then each one set. */
    public List<StatusValue> applicationStatusHistory() {
        return backend.statusHistory(true);
    }

    /** The leader settings after the hook, sorted by key. */
    public Map<String, String> leaderSettings() {
        return backend.leaderSettings();
    }

    /** Each {@code leader-set} call's settings, in order (null values delete). */
    public List<Map<String, String>> leaderSettingsWritten() {
        return backend.calls().stream().filter(c -> c.tool().equals("leader-set"))
                .map(c -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> settings = (Map<String, String>) c.arguments().get(0);
                    return settings;
                })
                .toList();
    }

    /**
     * This unit's data in a relation after the hook, sorted by key: what it had plus what it published. Nothing is
     * published by a failed hook.
     */
    public Map<String, String> localUnitData(String relationId) {
        return backend.relationData(relationId, backend.unitName(), false);
    }

    /** This application's data in a relation after the hook, sorted by key. */
    public Map<String, String> localAppData(String relationId) {
        return backend.relationData(relationId, UnitName.parse(backend.unitName()).application(), true);
    }

    /** What {@code action-set} set, by dotted key ({@code backup.size}), sorted; empty after a hook. */
    public Map<String, String> actionResults() {
        return backend.actionResults();
    }

    /**
     * The message of the last {@code action-fail}: the action's own, or the runtime's when no handler serves the
     * action or its parameters do not match {@code actions.yaml}; empty when the action did not fail, or after a hook.
     */
    public Optional<String> actionFailure() {
        return backend.actionFailure();
    }

    /** The {@code action-log} messages, in order; empty after a hook. */
    public List<String> actionLog() {
        return backend.actionLog();
    }

    /** Every line written to the charm's log, trace included, in order. */
    public List<LogLine> log() {
        return log;
    }

    /** The dispatch trace, one line each: the tracer's lines and the {@code Invoking reactive handler} lines. */
    public List<String> trace() {
        return Traces.of(log);
    }

    /** Every hook tool call, in order. */
    public List<ToolCall> calls() {
        return backend.calls();
    }

    /** The unit state after the hook, to pass to {@link Harness#state} for the next hook. */
    public JsonObject state() {
        return state.toJson();
    }
}
