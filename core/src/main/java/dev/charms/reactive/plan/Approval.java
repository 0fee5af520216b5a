package dev.charms.reactive.plan;

/**
 * Asks the operator before a plan starts and before each step that {@link Step#needsApproval() needs approval}.
 * The runner asks one question at a time, and interrupts the asking thread when a stop is requested: an
 * implementation that waits for input must let {@link InterruptedException} end the wait.
 */
public interface Approval {

    /** Approves everything without asking: {@code --auto-approve}. */
    static Approval automatic() {
        return new Approval() {
            @Override
            public boolean approveStart(Step plan) {
                return true;
            }

            @Override
            public boolean approveStep(Step step) {
                return true;
            }
        };
    }

    /**
     * Whether to start running {@code plan} at all; the plan has already been shown. False ends the run before
     * anything changed.
     */
    boolean approveStart(Step plan) throws InterruptedException;

    /** Whether to run {@code step} and its children. False ends the run: no later step runs either. */
    boolean approveStep(Step step) throws InterruptedException;
}
