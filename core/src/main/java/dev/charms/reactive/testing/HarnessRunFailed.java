package dev.charms.reactive.testing;

/** Thrown by {@link Harness#run()} when the hook failed; the message holds the cause and the whole trace. */
public final class HarnessRunFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    HarnessRunFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
