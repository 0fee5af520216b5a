package dev.charms.reactive.refresh;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.refresh.internal.DeployedCharm;
import dev.charms.reactive.spi.HookContext;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The running hook, as a {@link RefreshWorkload} sees it when the refresh layer calls it: the unit, its config, its
 * log, and the hook's injectable services (such as {@code Services}, {@code Apt} and {@code Files} under Juju).
 * Handlers may take it as a parameter too.
 */
@Injectable
public final class WorkloadContext {
    private final HookContext hook;
    private boolean refreshSeenInProgress;

    WorkloadContext(HookContext hook) {
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /** This unit's name, e.g. {@code kv-store/2}. */
    public String unitName() {
        return environment().unit().toString();
    }

    /** This unit's number, e.g. 2. */
    public int unitNumber() {
        return environment().unit().number();
    }

    /** The application's name, e.g. {@code kv-store}. */
    public String applicationName() {
        return environment().application();
    }

    /** The charm's config in this hook. */
    public Config config() {
        return service(Config.class);
    }

    /** The charm's log. */
    public Log log() {
        return hook.log();
    }

    /**
     * One of the hook's injectable services by its type, e.g. {@code context.service(Services.class)}.
     *
     * @throws IllegalStateException if the runtime gives none of that type in this hook (the model simulator has no
     *     {@code Services}, {@code Apt} or {@code Files}, for instance)
     */
    public <T> T service(Class<T> type) {
        return hook.service(type).orElseThrow(() -> new IllegalStateException(type.getSimpleName()
                + " is not available in " + hook.hookName() + " here: the runtime under Juju gives it, a test may"
                + " not; give the RefreshWorkload what it needs another way in tests"));
    }

    /**
     * The revision of the charm Juju deployed on this unit, from {@code .juju-charm} in the charm directory; empty
     * when there is no such record (outside Juju).
     */
    public OptionalInt deployedCharmRevision() {
        return DeployedCharm.revisionIn(environment().charmDir());
    }

    /** Juju, for the layer's own tool calls ({@code application-version-set}). */
    JujuBackend backend() {
        return hook.backend();
    }

    /**
     * Notes that the layer saw a refresh in progress in this hook, and tells whether it did before: the flag
     * {@code refresh.in-progress} stays set to the end of the hook that completes the refresh, however many times the
     * layer runs in it.
     */
    boolean refreshSeenInProgress(boolean now) {
        refreshSeenInProgress |= now;
        return refreshSeenInProgress;
    }

    /** Whether this unit is the one leaving the relation of this {@code -relation-departed} hook. */
    boolean departing() {
        return environment().departingUnit().filter(environment().unit()::equals).isPresent();
    }

    private HookEnvironment environment() {
        return service(HookEnvironment.class);
    }
}
