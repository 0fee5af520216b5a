package dev.charms.reactive.testing;

import com.google.gson.JsonObject;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import java.util.List;
import java.util.Optional;

/**
 * What a failed harness run left: the cause, the handler that threw, the log and trace, and the unit state, which is
 * the state the run started from since a failed hook commits nothing. Immutable.
 */
public final class Failure {
    private final Throwable cause;
    private final String handler;
    private final List<String> invoked;
    private final List<LogLine> log;
    private final JsonObject state;
    private final List<ToolCall> calls;

    Failure(Throwable cause, Optional<String> handler, List<String> invoked, List<LogLine> log, JsonObject state,
            List<ToolCall> calls) {
        this.cause = cause;
        this.handler = handler.orElse(null);
        this.invoked = List.copyOf(invoked);
        this.log = List.copyOf(log);
        this.state = state.deepCopy();
        this.calls = List.copyOf(calls);
    }

    /** The exception that failed the hook: a handler's own, or the runtime's. */
    public Throwable cause() {
        return cause;
    }

    /** The display name of the handler that threw, if one did. */
    public Optional<String> handler() {
        return Optional.ofNullable(handler);
    }

    /** The handlers invoked, the failing one last. */
    public List<String> invoked() {
        return invoked;
    }

    /** Every log line, the final {@code Hook error} included. */
    public List<LogLine> log() {
        return log;
    }

    /** The dispatch trace up to the failure. */
    public List<String> trace() {
        return Traces.of(log);
    }

    /** The unit state after the failure: the one the run started from. */
    public JsonObject state() {
        return state.deepCopy();
    }

    /** Every hook tool call made before the failure. */
    public List<ToolCall> calls() {
        return calls;
    }
}
