package dev.charms.reactive.layers.juju;

import java.util.Map;
import java.util.Objects;

/**
 * The result of one action run by {@code juju run}.
 *
 * @param unit the unit it ran on; never null
 * @param status Juju's task status: {@code completed}, {@code failed}, ...; never null
 * @param message the failure message ({@code action-fail}), empty if none; never null
 * @param results what the action set with {@code action-set}, top-level keys only, values as text; never null
 */
public record ActionResult(String unit, String status, String message, Map<String, String> results) {

    /** Checks and copies the parts. */
    public ActionResult {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        results = Map.copyOf(results);
    }

    /** True when the action completed. */
    public boolean succeeded() {
        return status.equals("completed");
    }

    /** The failure message, else the {@code result} value, else the status: what to tell a person. */
    public String summary() {
        if (!message.isEmpty()) {
            return message;
        }
        return results.getOrDefault("result", status);
    }
}
