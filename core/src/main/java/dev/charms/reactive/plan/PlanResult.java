package dev.charms.reactive.plan;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended, and how each step it reached ended.
 *
 * @param ending how the run as a whole ended; never null
 * @param signal the first stop signal received during the run, if any
 * @param records one per step reached, in the order they ended; never null
 */
public record PlanResult(Ending ending, Optional<StopSignal> signal, List<StepRecord> records) {

    /** How a run ended. */
    public enum Ending {
        /** Every step ran; some may have {@link StepState#HALTED halted} (see {@link #halts()}). */
        COMPLETED,
        /** The operator did not approve the start: nothing ran. */
        NOT_APPROVED,
        /** The operator declined a step: it and everything after it did not run ("Aborting plan"). */
        DECLINED,
        /** A step failed; see {@link #failures()}. */
        FAILED,
        /** A first signal came: the running steps finished and the rest were canceled. */
        STOPPED_SAFELY,
        /** A second signal came: the running steps were interrupted (see {@link #terminated()}). */
        TERMINATED
    }

    /** Checks and copies the parts. */
    public PlanResult {
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(signal, "signal");
        records = List.copyOf(records);
    }

    /** How {@code step} ended: {@link StepState#NOT_RUN} when the run never reached it. */
    public StepState state(Step step) {
        Map<Step, StepState> states = new IdentityHashMap<>();
        records.forEach(r -> states.put(r.step(), r.state()));
        return states.getOrDefault(step, StepState.NOT_RUN);
    }

    /** The steps whose own action failed, in the order they failed; a failing parallel group lists every one. */
    public List<StepRecord> failures() {
        return records.stream().filter(r -> r.state() == StepState.FAILED && r.error().isPresent()).toList();
    }

    /** The steps that halted: the plan is not finished until the operator does what they say and runs it again. */
    public List<StepRecord> halts() {
        return withState(StepState.HALTED);
    }

    /**
     * The steps whose own action was running when the second signal came and was interrupted (not the groups
     * above them).
     */
    public List<StepRecord> terminated() {
        List<StepRecord> terminated = withState(StepState.TERMINATED);
        return terminated.stream()
                .filter(r -> r.step().children().stream().noneMatch(child -> terminated.stream()
                        .anyMatch(other -> other.step() == child)))
                .toList();
    }

    /** The records of the steps in {@code state}, in the order they ended. */
    public List<StepRecord> withState(StepState state) {
        return records.stream().filter(r -> r.state() == state).toList();
    }
}
