package dev.charms.reactive.plan;

/** What a running {@link StepAction} is given: its step, and a way to say what it is doing. */
public interface StepContext {

    /** The step being run; never null. */
    Step step();

    /** Reports progress ({@code "waiting for db/1 to be idle"}): written to the execution log and shown on the console. */
    void log(String message);
}
