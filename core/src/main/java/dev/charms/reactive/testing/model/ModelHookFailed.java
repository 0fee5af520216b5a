package dev.charms.reactive.testing.model;

/** Thrown by a {@link Model} operation when a hook failed on a unit; the message names both and holds the hook's log. */
public final class ModelHookFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    ModelHookFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
