package dev.charms.reactive.refresh;

import java.util.Objects;

/**
 * What one build of a charm is, for the refresh layer: the charm's name and version, and the workload it runs with
 * the version this build installs. A new build that changes the workload version pins the new one here; the layer
 * refreshes each unit to it, in order.
 * <pre>{@code
 * new CharmRelease("kv-store", "1/1.1.0", "kv-store", "1.1.0")
 * }</pre>
 *
 * @param charmName the charm's name in {@code metadata.yaml}, for the refresh instructions' address
 * @param charmVersion {@code <track>/<major>.<minor>.<patch>}, e.g. {@code 1/1.1.0}; any suffix (a development or
 *     local build, e.g. {@code 1/1.1.0.dev2}) makes it unreleased, and a refresh to or from an unreleased version is
 *     incompatible unless forced
 * @param workloadName the workload's name in statuses, e.g. {@code kv-store}
 * @param workloadVersion the workload version this build installs, e.g. {@code 1.1.0}
 */
public record CharmRelease(String charmName, String charmVersion, String workloadName, String workloadVersion) {
    /** The longest workload name and version, with the space between them, that statuses have room for. */
    public static final int MAX_WORKLOAD_LENGTH = 43;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is blank, or the workload name and version are longer than
     *     {@link #MAX_WORKLOAD_LENGTH} together
     */
    public CharmRelease {
        require(charmName, "charmName");
        require(charmVersion, "charmVersion");
        require(workloadName, "workloadName");
        require(workloadVersion, "workloadVersion");
        int length = workloadName.length() + 1 + workloadVersion.length();
        if (length > MAX_WORKLOAD_LENGTH) {
            throw new IllegalArgumentException("\"" + workloadName + " " + workloadVersion + "\" is " + length
                    + " characters; statuses have room for " + MAX_WORKLOAD_LENGTH + ": shorten the workload name");
        }
    }

    private static void require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " of a CharmRelease cannot be blank");
        }
    }
}
