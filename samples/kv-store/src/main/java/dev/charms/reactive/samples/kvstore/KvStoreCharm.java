package dev.charms.reactive.samples.kvstore;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.refresh.Health;
import dev.charms.reactive.refresh.RefreshWorkload;
import dev.charms.reactive.refresh.RollingRefresh;
import dev.charms.reactive.refresh.WorkloadContext;
import dev.charms.reactive.status.Status;

/**
 * The kv-store charm: installs the version of kv-store this build pins, applies its port, shows its health, and takes
 * backups. The refresh layer refreshes it one unit at a time after {@code juju refresh}; while it does (flag
 * {@value RollingRefresh#IN_PROGRESS}) the charm leaves the unit status to the layer, keeps a port change for after the
 * refresh, and refuses backups.
 *
 * <p>Flags it sets: {@code kv.installed} (kv-store installed and started), {@code kv.port-change-deferred} (a port
 * change waits for the refresh to complete).
 */
public class KvStoreCharm {

    /** Installs and starts the version this build pins: a refresh from nothing. */
    @WhenNot("kv.installed")
    void install(RefreshWorkload workload, WorkloadContext context, Flags flags, Status status) {
        String version = workload.release().workloadVersion();
        status.maintenance("installing kv-store " + version);
        workload.refreshWorkload(context, version);
        flags.set("kv.installed");
    }

    /** Applies a port change, or one kept back during a refresh, by restarting on the new port. */
    @When("kv.installed")
    @WhenAny({"config.changed.port", "kv.port-change-deferred"})
    @WhenNot(RollingRefresh.IN_PROGRESS)
    void applyPort(WorkloadContext context, Flags flags) {
        KvStoreHost host = KvStoreWorkload.host(context);
        host.stop();
        host.configure(context.config().getInt("port"));
        host.start();
        flags.clear("kv.port-change-deferred");
    }

    /** A port change during a refresh would make a rollback harder: it waits for the refresh to complete. */
    @When({"kv.installed", "config.changed.port", RollingRefresh.IN_PROGRESS})
    void deferPort(WorkloadContext context, Flags flags, Status status) {
        flags.set("kv.port-change-deferred");
        status.waiting("Refresh in progress: port " + context.config().getInt("port")
                + " applies when the refresh completes");
    }

    /** Shows the store's health, once no refresh is in progress (the layer shows the statuses during one). */
    @When("kv.installed")
    @WhenNot({RollingRefresh.IN_PROGRESS, "kv.port-change-deferred"})
    void showHealth(RefreshWorkload workload, WorkloadContext context, Status status) {
        Health health = workload.health(context);
        KvStoreHost host = KvStoreWorkload.host(context);
        if (health.isHealthy()) {
            status.active("kv-store " + host.installedVersion().orElse("") + " ready on port "
                    + host.port().orElse(0));
        } else {
            status.blocked(health.problem().orElseThrow());
        }
    }

    /** Writes a backup; refused during a refresh, when it would match neither version. */
    @Action("create-backup")
    void createBackup(ActionContext action, WorkloadContext context, Flags flags) {
        if (flags.isSet(RollingRefresh.IN_PROGRESS)) {
            action.fail("Refresh in progress");
            return;
        }
        action.set("path", KvStoreWorkload.host(context).backup().toString());
    }
}
