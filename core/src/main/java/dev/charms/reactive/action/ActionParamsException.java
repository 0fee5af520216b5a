package dev.charms.reactive.action;

import java.util.List;

/**
 * The parameters of an action do not match its {@code actions.yaml} schema. The message names the action and
 * every parameter at fault; the runtime reports it with {@code action-fail} and runs no handler.
 */
public final class ActionParamsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    ActionParamsException(String action, List<String> problems) {
        super("invalid parameters for action " + action + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one per parameter. */
    public List<String> problems() {
        return problems;
    }
}
