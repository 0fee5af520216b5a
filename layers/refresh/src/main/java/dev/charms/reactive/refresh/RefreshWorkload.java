package dev.charms.reactive.refresh;

import dev.charms.reactive.Injectable;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the refresh layer needs from the charm: which workload version this build of the charm installs, how to
 * install it on a unit, and whether the unit is then healthy. Implement it on the charm's handler class (the layer
 * gets the very object the charm's handlers run on in the hook), or on a class without handlers listed in
 * {@code META-INF/services/dev.charms.reactive.refresh.RefreshWorkload}.
 * <pre>{@code
 * public class KvStoreCharm implements RefreshWorkload {
 *     public CharmRelease release() {
 *         return new CharmRelease("kv-store", "1/1.1.0", "kv-store", "1.1.0");
 *     }
 *     public Optional<String> installedVersion(WorkloadContext context) {
 *         return store(context).version();
 *     }
 *     public void refreshWorkload(WorkloadContext context, String version) {
 *         store(context).stop();
 *         store(context).install(version);
 *         store(context).start();
 *     }
 *     public Health health(WorkloadContext context) {
 *         return store(context).answers() ? Health.healthy() : Health.unhealthy("kv-store is not answering");
 *     }
 * }
 * }</pre>
 *
 * <p>When each method is called, on the unit it runs on:
 * <ul>
 *   <li>{@link #release()} and {@link #installedVersion} in every hook;</li>
 *   <li>{@link #refreshWorkload} only when this unit may refresh: its turn has come in the order (highest unit number
 *       first), every unit before it is healthy on the new version, and the pause option or {@code resume-refresh}
 *       lets it go. The charm installs the workload on a new unit itself (at its own version, in its install
 *       handler);</li>
 *   <li>{@link #health} after the unit's workload version changed, and again in every later hook until it answers
 *       healthy;</li>
 *   <li>{@link #preRefreshChecks} by the {@code pre-refresh-check} action on the leader before a refresh, and on the
 *       first unit to refresh after {@code juju refresh}, before any workload is refreshed (never for a rollback);</li>
 *   <li>{@link #workloadCompatible} on every unit after {@code juju refresh}, by the new charm code.</li>
 * </ul>
 * Any method may throw; the hook (or action) then fails and Juju retries it, except {@link #refreshWorkload}, whose
 * failure is logged and retried in the next hook.
 */
@Injectable
public interface RefreshWorkload {

    /** This build of the charm: its version and the workload version it installs. Never null. */
    CharmRelease release();

    /** The workload version installed on this unit now; empty while none is (before the charm installed it). */
    Optional<String> installedVersion(WorkloadContext context);

    /**
     * Replaces the workload on this unit by {@code version} ({@code release().workloadVersion()}): stop it, install
     * the new version, start it. Throw if that fails; {@link #installedVersion} must then tell what is installed.
     */
    void refreshWorkload(WorkloadContext context, String version);

    /** Whether the workload on this unit works, after it was installed or refreshed. Never null. */
    Health health(WorkloadContext context);

    /**
     * Checks that the application is ready to refresh (e.g. a recent backup exists), before any unit refreshes. Must
     * also work with one unit already refreshed and its workload offline. Does nothing by default.
     *
     * @throws PrecheckFailed if it is not ready, saying why
     */
    default void preRefreshChecks(WorkloadContext context) throws PrecheckFailed {
    }

    /**
     * Whether this build can refresh the workload in place from version {@code from} to {@code to}. By default
     * {@link #minorUpgrade}: the same major version, and a minor version no lower.
     */
    default boolean workloadCompatible(String from, String to) {
        return minorUpgrade(from, to);
    }

    /**
     * The revision Juju deployed this charm at, which the rollback command names. By default from Juju's record in the
     * charm directory ({@link WorkloadContext#deployedCharmRevision()}); tests in the model simulator, which has none,
     * may override it.
     */
    default OptionalInt charmRevision(WorkloadContext context) {
        return context.deployedCharmRevision();
    }

    /**
     * Whether {@code from} and {@code to}, each {@code <major>.<minor>[.<anything>]}, have the same major version and
     * {@code to} has a minor version no lower: {@code 3.4.1} to {@code 3.5.0} yes, to {@code 3.3.9} or {@code 4.0.0}
     * no. Versions of another form are not compatible.
     */
    static boolean minorUpgrade(String from, String to) {
        Pattern form = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\..*)?");
        Matcher old = form.matcher(from);
        Matcher now = form.matcher(to);
        return old.matches() && now.matches() && Integer.parseInt(old.group(1)) == Integer.parseInt(now.group(1))
                && Integer.parseInt(now.group(2)) >= Integer.parseInt(old.group(2));
    }
}
