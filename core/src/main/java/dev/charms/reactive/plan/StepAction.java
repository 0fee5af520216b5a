package dev.charms.reactive.plan;

/**
 * What a step does. It runs on one of the runner's worker threads and may block; it should let an interrupt
 * (the second Ctrl+C) end it early, as {@link Thread#sleep} and {@link Process#waitFor} do.
 *
 * <p>Throwing fails the step. Throwing {@link StepHalt} halts it instead: the dependent steps after it are
 * skipped and the plan goes on with the next independent one.
 */
@FunctionalInterface
public interface StepAction {

    /**
     * Does the step's work.
     *
     * @param context the step and where to report progress; never null
     * @throws Exception when the step failed; the message should say what to do about it
     */
    void run(StepContext context) throws Exception;
}
