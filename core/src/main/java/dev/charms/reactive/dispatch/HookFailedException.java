package dev.charms.reactive.dispatch;

import dev.charms.reactive.log.LogLine;
import java.util.List;
import java.util.Optional;

/**
 * A hook failed: a handler threw, a parameter could not be resolved, the unit state could not be read, or an exit
 * or publish step failed. Nothing was committed and no deferred write was published; the caller keeps the old
 * unit state, exits non-zero, and Juju retries the hook. The cause is the original exception.
 */
public final class HookFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hook;
    private final String handler;
    private final transient List<LogLine> log;
    private final List<String> invoked;

    /**
     * A failed hook. The runner creates them; so may a driver that runs the hook elsewhere (the model simulator's
     * process driver runs a charm's {@code dispatch}) and reports its failure.
     *
     * @param hook the hook (or action) that failed
     * @param handler the display name of the handler that threw, or null when none did
     * @param cause what went wrong
     * @param log every line logged during the hook
     * @param invoked the handlers invoked before the failure, the failing one last
     */
    public HookFailedException(String hook, String handler, Throwable cause, List<LogLine> log, List<String> invoked) {
        super("hook " + hook + " failed" + (handler == null ? "" : " in handler " + handler) + ": " + cause, cause);
        this.hook = hook;
        this.handler = handler;
        this.log = List.copyOf(log);
        this.invoked = List.copyOf(invoked);
    }

    /** The hook that failed. */
    public String hook() {
        return hook;
    }

    /** The display name of the handler that threw, when a handler did. */
    public Optional<String> handler() {
        return Optional.ofNullable(handler);
    }

    /** Every line logged during the hook, trace and the final {@code Hook error} line included. */
    public List<LogLine> log() {
        return log;
    }

    /** The handlers invoked before the failure, the failing one last. */
    public List<String> invoked() {
        return invoked;
    }
}
