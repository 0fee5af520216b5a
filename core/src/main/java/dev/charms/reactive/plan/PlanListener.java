package dev.charms.reactive.plan;

import java.util.List;

/**
 * Hears what a run does, for the execution log and the progress display. Called from the runner's threads,
 * possibly several at once when steps run in parallel: implementations must be thread-safe. Every method does
 * nothing by default.
 */
public interface PlanListener {

    /** The run began (before the first question); {@code plan} is the whole tree. */
    default void planStarted(Step plan) {
    }

    /** {@code step} starts: approved if it needed approval, its action (if any) about to run. */
    default void stepStarted(Step step) {
    }

    /** A running step's action reported progress. */
    default void stepMessage(Step step, String message) {
    }

    /** A step ended, or will never run (canceled, skipped, not run); once per step of the plan reached. */
    default void stepFinished(StepRecord record) {
    }

    /**
     * A signal asked the run to stop.
     *
     * @param request safely (let {@code running} finish) or now (interrupt them)
     * @param running the steps whose actions are running at this moment
     */
    default void stopRequested(StopSignal signal, Interrupter.Request request, List<Step> running) {
    }

    /** The run ended. */
    default void planFinished(PlanResult result) {
    }

    /** One listener that tells each of {@code listeners}, in order. */
    static PlanListener all(List<? extends PlanListener> listeners) {
        List<PlanListener> copy = List.copyOf(listeners);
        return new PlanListener() {
            @Override
            public void planStarted(Step plan) {
                copy.forEach(l -> l.planStarted(plan));
            }

            @Override
            public void stepStarted(Step step) {
                copy.forEach(l -> l.stepStarted(step));
            }

            @Override
            public void stepMessage(Step step, String message) {
                copy.forEach(l -> l.stepMessage(step, message));
            }

            @Override
            public void stepFinished(StepRecord record) {
                copy.forEach(l -> l.stepFinished(record));
            }

            @Override
            public void stopRequested(StopSignal signal, Interrupter.Request request, List<Step> running) {
                copy.forEach(l -> l.stopRequested(signal, request, running));
            }

            @Override
            public void planFinished(PlanResult result) {
                copy.forEach(l -> l.planFinished(result));
            }
        };
    }
}
