package dev.charms.reactive.samples.kvstore;

import dev.charms.reactive.refresh.CharmRelease;
import dev.charms.reactive.refresh.Health;
import dev.charms.reactive.refresh.PrecheckFailed;
import dev.charms.reactive.refresh.RefreshWorkload;
import dev.charms.reactive.refresh.WorkloadContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the refresh layer needs from kv-store: this build's versions, how to install a version on a unit, and its
 * health. Listed in {@code META-INF/services/dev.charms.reactive.refresh.RefreshWorkload}, as it has no handlers.
 */
public class KvStoreWorkload implements RefreshWorkload {
    /** This build of the charm: charm version 1/1.0.0, kv-store 1.0.0. */
    public static final CharmRelease RELEASE = new CharmRelease("kv-store", "1/1.0.0", "kv-store", "1.0.0");

    private final CharmRelease release;

    /** This build, {@link #RELEASE}. */
    public KvStoreWorkload() {
        this(RELEASE);
    }

    /** Another build, e.g. the next release in a test of a refresh. */
    protected KvStoreWorkload(CharmRelease release) {
        this.release = Objects.requireNonNull(release, "release");
    }

    /** The store of the unit the hook runs on: {@code <data-dir>/<app>-<n>}. */
    public static KvStoreHost host(WorkloadContext context) {
        return new KvStoreHost(Path.of(context.config().getString("data-dir"))
                .resolve(context.unitName().replace('/', '-')));
    }

    @Override
    public CharmRelease release() {
        return release;
    }

    @Override
    public Optional<String> installedVersion(WorkloadContext context) {
        return host(context).installedVersion();
    }

    /**
     * Stops the store, installs {@code version} and starts it again, on the port it had (the configured one on a new
     * unit: a port change during a refresh waits for its end). If the install fails, the version that was there starts
     * again and the failure is thrown.
     */
    @Override
    public void refreshWorkload(WorkloadContext context, String version) {
        KvStoreHost host = host(context);
        host.stop();
        try {
            host.install(version);
        } finally {
            host.configure(host.port().orElse(context.config().getInt("port")));
            host.start();
        }
    }

    @Override
    public Health health(WorkloadContext context) {
        KvStoreHost host = host(context);
        return host.answers() ? Health.healthy() : Health.unhealthy(release.workloadName() + " "
                + host.installedVersion().orElse("") + " is not answering on port " + host.port().orElse(0));
    }

    /** A store that is compacting its data must not be refreshed. */
    @Override
    public void preRefreshChecks(WorkloadContext context) throws PrecheckFailed {
        if (host(context).compacting()) {
            throw new PrecheckFailed("kv-store is compacting; retry when it is done");
        }
    }
}
