package dev.charms.reactive.refresh.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one unit publishes about itself in the peer relation: the charm code it runs, the workload version installed
 * on it, the version it was last found healthy on, and for which charm code it knows the refresh was started.
 *
 * @param code the charm code the unit runs
 * @param workloadVersion the workload version installed on the unit; empty while none is
 * @param healthyOn the workload version the unit was found healthy on after installing it; the unit allows the next
 *     one to refresh only while this equals {@code workloadVersion}, so a new install resets it
 * @param startedFor the {@link CharmCode#identity()} of the code whose refresh the unit knows was started; empty when
 *     none is (so each unit carries the news, and it survives the first unit's removal)
 */
public record UnitRecord(CharmCode code, Optional<String> workloadVersion, Optional<String> healthyOn,
        Optional<String> startedFor) {
    /** Unit data key of the charm version. */
    public static final String CHARM_VERSION = "charm-version";
    /** Unit data key of the charm revision, absent when unknown. */
    public static final String CHARM_REVISION = "charm-revision";
    /** Unit data key of the installed workload version. */
    public static final String WORKLOAD_VERSION = "workload-version";
    /** Unit data key of the workload version the unit was healthy on. */
    public static final String HEALTHY_ON = "healthy-workload-version";
    /** Unit data key of the identity of the charm code whose refresh was started. */
    public static final String STARTED_FOR = "refresh-started-for";

    /** Checks that nothing is null. */
    public UnitRecord {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(workloadVersion, "workloadVersion");
        Objects.requireNonNull(healthyOn, "healthyOn");
        Objects.requireNonNull(startedFor, "startedFor");
    }

    /**
     * Reads a unit's data; empty when the unit has not published a charm version yet (its data is not known).
     *
     * @throws IllegalArgumentException if the revision is not a number, naming the unit
     */
    public static Optional<UnitRecord> from(String unit, Map<String, String> data) {
        String version = data.get(CHARM_VERSION);
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new UnitRecord(
                CharmCode.fromData(version, data.get(CHARM_REVISION), "unit " + unit), present(data, WORKLOAD_VERSION),
                present(data, HEALTHY_ON), present(data, STARTED_FOR)));
    }

    /** The data to publish: every key, absent values as null (which deletes the key). */
    public Map<String, String> toData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CHARM_VERSION, code.version());
        data.put(CHARM_REVISION, code.revisionData());
        data.put(WORKLOAD_VERSION, workloadVersion.orElse(null));
        data.put(HEALTHY_ON, healthyOn.orElse(null));
        data.put(STARTED_FOR, startedFor.orElse(null));
        return data;
    }

    /** This record with another workload version installed. */
    public UnitRecord withWorkloadVersion(Optional<String> version) {
        return new UnitRecord(code, version, healthyOn, startedFor);
    }

    /** This record found healthy on {@code version}, or with no healthy version when empty. */
    public UnitRecord withHealthyOn(Optional<String> version) {
        return new UnitRecord(code, workloadVersion, version, startedFor);
    }

    /** This record knowing the refresh to {@code identity} was started, or knowing none when empty. */
    public UnitRecord withStartedFor(Optional<String> identity) {
        return new UnitRecord(code, workloadVersion, healthyOn, identity);
    }

    /** Whether the unit is healthy on the version installed on it. */
    public boolean healthyOnInstalled() {
        return workloadVersion.isPresent() && workloadVersion.equals(healthyOn);
    }

    private static Optional<String> present(Map<String, String> data, String key) {
        String value = data.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
