package dev.charms.reactive.refresh.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions every unit had right after the last completed refresh, or the initial deployment: what a refresh
 * starts from, what a rollback goes back to, and the revision the rollback command names. The leader keeps them in
 * the application data of the peer relation.
 *
 * @param code the charm code
 * @param workloadVersion the workload version
 */
public record Originals(CharmCode code, String workloadVersion) {
    /** Application data key of the original charm version. */
    public static final String CHARM_VERSION = "original-charm-version";
    /** Application data key of the original charm revision, absent when unknown. */
    public static final String CHARM_REVISION = "original-charm-revision";
    /** Application data key of the original workload version. */
    public static final String WORKLOAD_VERSION = "original-workload-version";

    /** Checks that nothing is null. */
    public Originals {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(workloadVersion, "workloadVersion");
    }

    /**
     * Reads the application data; empty when the leader has not written the original versions yet.
     *
     * @throws IllegalArgumentException if the revision is not a number
     */
    public static Optional<Originals> from(Map<String, String> data) {
        String version = data.get(CHARM_VERSION);
        String workload = data.get(WORKLOAD_VERSION);
        if (version == null || version.isBlank() || workload == null || workload.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Originals(CharmCode.fromData(version, data.get(CHARM_REVISION), "the leader"),
                workload));
    }

    /** The data to publish; an unknown revision as null (which deletes the key). */
    public Map<String, String> toData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CHARM_VERSION, code.version());
        data.put(CHARM_REVISION, code.revisionData());
        data.put(WORKLOAD_VERSION, workloadVersion);
        return data;
    }
}
