package dev.charms.reactive.plan;

/**
 * Thrown by a {@link StepAction} that finds the plan must not go on along this line but may go on elsewhere,
 * such as a machine whose OS upgrade the operator has not done yet. The step ends {@link StepState#HALTED}; the
 * {@link Step#dependent() dependent} steps that follow it are {@link StepState#SKIPPED}; the next independent step
 * runs. A halt is not a failure: the message says what the operator should do before running the plan again.
 */
public final class StepHalt extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what stopped this line of the plan and what to do about it; never null */
    public StepHalt(String reason) {
        super(reason);
    }
}
