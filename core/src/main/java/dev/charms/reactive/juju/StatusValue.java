package dev.charms.reactive.juju;

import java.util.Objects;

/**
 * A workload status as {@code status-set} takes it and {@code status-get} returns it.
 *
 * @param state one of {@code active}, {@code blocked}, {@code maintenance}, {@code waiting} (and, as read
 *     back, {@code unknown}, {@code error}); never null
 * @param message the message, possibly empty, never null
 */
public record StatusValue(String state, String message) {
    public StatusValue {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }
}
