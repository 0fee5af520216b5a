package dev.charms.reactive.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step ended in a run.
 *
 * @param step the step; never null
 * @param state how it ended; never null
 * @param error what its action threw: the failure when {@link StepState#FAILED} (empty for a group whose child
 *     failed), the {@link StepHalt} when {@link StepState#HALTED}; otherwise empty
 * @param duration from its start to its end; zero for a step that never started
 */
public record StepRecord(Step step, StepState state, Optional<Throwable> error, Duration duration) {

    /** Checks the parts. */
    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
    }

    /** The error's message (its class name when it has none); empty when there is no error. */
    public String message() {
        return error.map(e -> e.getMessage() == null ? e.getClass().getName() : e.getMessage()).orElse("");
    }
}
