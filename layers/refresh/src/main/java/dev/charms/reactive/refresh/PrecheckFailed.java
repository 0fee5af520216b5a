package dev.charms.reactive.refresh;

import java.util.Objects;

/**
 * Thrown by {@link RefreshWorkload#preRefreshChecks} when the application is not ready to refresh, e.g. a backup is
 * missing. The message is shown in a unit status and in action results: keep it short (64 characters or so).
 */
public final class PrecheckFailed extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is not ready, e.g. {@code Backup of the last hour missing}; not blank
     */
    public PrecheckFailed(String message) {
        super(Objects.requireNonNull(message, "message"));
        if (message.isBlank()) {
            throw new IllegalArgumentException("say why the pre-refresh check failed");
        }
    }
}
