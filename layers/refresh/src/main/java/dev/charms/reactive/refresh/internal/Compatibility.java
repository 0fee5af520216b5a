package dev.charms.reactive.refresh.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Whether the new charm code may refresh in place from the original versions, as the new code decides it:
 * <ol>
 *   <li>both charm versions released (no development or local suffix), on the same track and major version, and
 *       the new one not older (so identical versions, as in a rollback, pass);</li>
 *   <li>the workload versions accepted by the charm's own rule.</li>
 * </ol>
 * A version that cannot be read is incompatible.
 *
 * @param compatible whether the refresh may proceed without force
 * @param reason why not, for the log; empty when compatible
 */
public record Compatibility(boolean compatible, String reason) {

    /** Checks that the reason is given exactly when incompatible. */
    public Compatibility {
        Objects.requireNonNull(reason, "reason");
        if (compatible != reason.isEmpty()) {
            throw new IllegalArgumentException("an incompatible verdict needs a reason, and only it has one");
        }
    }

    /** Compatible. */
    public static Compatibility yes() {
        return new Compatibility(true, "");
    }

    /** Incompatible, because of {@code reason}. */
    public static Compatibility no(String reason) {
        return new Compatibility(false, reason);
    }

    /**
     * The verdict for a refresh from the original versions to this charm code's.
     *
     * @param originals the versions before the refresh; empty when the leader never recorded them (incompatible:
     *     there is nothing to compare with)
     * @param code the new charm code
     * @param workloadVersion the workload version the new code installs
     * @param workloadCompatible the charm's rule for workload versions: (from, to) to whether it may refresh
     */
    public static Compatibility of(Optional<Originals> originals, CharmCode code, String workloadVersion,
            BiPredicate<String, String> workloadCompatible) {
        if (originals.isEmpty()) {
            return no("the versions before the refresh are not known (the leader records them when a refresh"
                    + " completes, or at deployment)");
        }
        Originals from = originals.get();
        Optional<CharmVersion> oldVersion = CharmVersion.parse(from.code().version());
        Optional<CharmVersion> newVersion = CharmVersion.parse(code.version());
        if (oldVersion.isEmpty() || newVersion.isEmpty()) {
            String unreadable = oldVersion.isEmpty() ? from.code().version() : code.version();
            return no("charm version " + unreadable + " is not of the form <track>/<major>.<minor>.<patch>");
        }
        CharmVersion old = oldVersion.get();
        CharmVersion now = newVersion.get();
        if (!old.released() || !now.released()) {
            return no("charm version " + (now.released() ? old.text() : now.text())
                    + " is not a released version (it has a development or local suffix)");
        }
        if (!old.track().equals(now.track())) {
            return no("charm track changes from " + old.track() + " to " + now.track());
        }
        if (old.major() != now.major()) {
            return no("charm major version changes from " + old.major() + " to " + now.major());
        }
        if (now.isBefore(old)) {
            return no("charm version " + now.text() + " is older than " + old.text() + " (a downgrade)");
        }
        if (!workloadCompatible.test(from.workloadVersion(), workloadVersion)) {
            return no("the charm does not support refreshing its workload from " + from.workloadVersion() + " to "
                    + workloadVersion);
        }
        return yes();
    }
}
