package dev.charms.reactive.layers.juju;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    /**
     * What to tell a person: the failure message, else the {@code result} value, else the other results as {@code
     * key=value, ...} (sorted by key; kv-store's {@code create-backup} says only where the backup is), else the status.
     */
    public String summary() {
        if (!message.isEmpty()) {
            return message;
        }
        if (results.containsKey("result")) {
            return results.get("result");
        }
        return results.isEmpty() ? status : new TreeMap<>(results).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
