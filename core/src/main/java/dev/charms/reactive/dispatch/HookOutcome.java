package dev.charms.reactive.dispatch;

import com.google.gson.JsonObject;
import dev.charms.reactive.log.LogLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful hook produced.
 *
 * @param hook the hook name
 * @param state the new unit state, to be persisted (e.g. with {@code StateFile.write}); never null
 * @param invoked the display names of the handlers invoked, in order, with repeats
 * @param log every line written to the charm's log during the hook, trace included, in order
 * @param iterationReport present when the flag loop hit the iteration cap (logged as a WARNING)
 */
public record HookOutcome(String hook, JsonObject state, List<String> invoked, List<LogLine> log,
        Optional<IterationReport> iterationReport) {
    public HookOutcome {
        Objects.requireNonNull(hook, "hook");
        state = state.deepCopy();
        invoked = List.copyOf(invoked);
        log = List.copyOf(log);
        Objects.requireNonNull(iterationReport, "iterationReport");
    }

    /** The new unit state; a copy. */
    @Override
    public JsonObject state() {
        return state.deepCopy();
    }
}
