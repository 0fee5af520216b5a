package dev.charms.reactive.dispatch;

import java.util.List;

/**
 * Observes a dispatch: its start, each phase and iteration with the handlers queued, and every flag change.
 * Tracing never changes what the dispatch does. Every method does nothing by default.
 */
public interface Tracer {
    /** Traces nothing. */
    Tracer NONE = new Tracer() {
    };

    /** A dispatch starts with these flags set (sorted). */
    default void startDispatch(List<String> setFlags) {
    }

    /** A phase starts with these handlers queued (display names, in queue order). */
    default void startPhase(Phase phase, List<String> queued) {
    }

    /** An iteration of the flag loop starts with these handlers queued. */
    default void startIteration(int iteration, List<String> queued) {
    }

    /** A flag went from unset to set. */
    default void flagSet(String flag) {
    }

    /** A flag went from set to unset. */
    default void flagCleared(String flag) {
    }

    /** The dispatch is over; later flag changes (exit steps) are not part of it. */
    default void endDispatch() {
    }
}
