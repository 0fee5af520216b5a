package dev.charms.reactive.testing.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an action run on a unit ({@link Model#runAction}) reported, as {@code juju run} shows it.
 *
 * @param status {@code completed}, or {@code failed} when the action called {@code action-fail} (also done by the
 *     runtime when no handler serves the action) or its hook failed
 * @param results what {@code action-set} set, by dotted key ({@code backup.size}), sorted; unmodifiable
 * @param failureMessage the message of the last {@code action-fail}, or of the hook's failure; empty when completed
 * @param log the {@code action-log} messages, in order; unmodifiable
 */
public record ActionResult(String status, Map<String, String> results, Optional<String> failureMessage,
        List<String> log) {
    /** The status of an action that did not fail. */
    public static final String COMPLETED = "completed";
    /** The status of an action that failed. */
    public static final String FAILED = "failed";

    public ActionResult {
        Objects.requireNonNull(status, "status");
        if (!status.equals(COMPLETED) && !status.equals(FAILED)) {
            throw new IllegalArgumentException("an action's status is completed or failed, not " + status);
        }
        results = Collections.unmodifiableMap(new TreeMap<>(results));
        Objects.requireNonNull(failureMessage, "failureMessage");
        log = List.copyOf(log);
    }

    /** Whether the action failed. */
    public boolean failed() {
        return status.equals(FAILED);
    }
}
