package dev.charms.reactive.plan;

/** How one step of a run ended. */
public enum StepState {
    /** Its action and all its children ran to the end (some children may have halted). */
    DONE,
    /** Its action threw {@link StepHalt}; its children did not run. */
    HALTED,
    /** It is dependent on a step that halted, so it did not run. */
    SKIPPED,
    /** Its action, or one of its children, failed. */
    FAILED,
    /** It had not started when a stop was requested (the first interrupt), so it never will in this run. */
    CANCELED,
    /** It was running when the second interrupt came and was stopped at once; its work may be half done. */
    TERMINATED,
    /** The operator answered no when asked to approve it. */
    DECLINED,
    /** It was not reached: an earlier step failed, or the operator declined an earlier step. */
    NOT_RUN
}
