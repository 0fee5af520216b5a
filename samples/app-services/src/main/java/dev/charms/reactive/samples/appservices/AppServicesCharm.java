package dev.charms.reactive.samples.appservices;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.status.Status;

/**
 * The app-services charm: installs the {@code app-services} package, writes its port to {@link #CONFIG_FILE} and
 * runs the {@code app-services} systemd service, upgrades the package on {@code juju refresh}, and takes the service
 * through OS series upgrades the way the series-upgrade docs describe (see docs/upgrades.md):
 * <ol>
 *   <li>{@code pre-series-upgrade} ({@code juju upgrade-machine N prepare}) is the charm's only chance: the service
 *       is stopped <em>and disabled</em>, so that it stays down across the OS upgrade and its reboots, and the unit
 *       is blocked with {@value #READY_FOR_UPGRADE}</li>
 *   <li>while {@code upgrade.series.in-progress} is set, no handler starts or restarts the service, whatever hook
 *       runs ({@code start} after a reboot, {@code update-status}, {@code config-changed})</li>
 *   <li>{@code post-series-upgrade} ({@code juju upgrade-machine N complete}): when the machine's base (read from
 *       {@code /etc/os-release}) differs from the one the application's data was last migrated for, the
 *       application's own migration runs once (the package's oneshot unit {@value #MIGRATION}); then the service is
 *       enabled and started again</li>
 * </ol>
 *
 * <p>Flags it sets: {@code app-services.installed} (package installed; its value is the base the application's data
 * is for, e.g. {@code "ubuntu@22.04"}), {@code app-services.configured} (the configuration file holds valid config),
 * {@code app-services.started} (service enabled and started), {@code app-services.paused} (service stopped and
 * disabled for a series upgrade, until the upgrade is complete).
 */
public class AppServicesCharm {
    /** The apt package and the systemd service. */
    public static final String SERVICE = "app-services";
    /** The package's oneshot systemd unit that migrates the application's data to the machine's base. */
    public static final String MIGRATION = "app-services-migrate";
    /** The service's configuration file. */
    public static final String CONFIG_FILE = "/etc/app-services/app-services.conf";
    /** The unit's status from {@code pre-series-upgrade} until the upgrade is complete, as the docs give it. */
    public static final String READY_FOR_UPGRADE =
            "Ready for do-release-upgrade and reboot. Set complete when finished.";

    private static final String INSTALLED = "app-services.installed";
    private static final String CONFIGURED = "app-services.configured";
    private static final String STARTED = "app-services.started";
    private static final String PAUSED = "app-services.paused";

    /** Installs the package and records the base the new (empty) data is for. */
    @WhenNot(INSTALLED)
    void install(Apt apt, Files files, Flags flags, Status status) {
        status.maintenance("installing " + SERVICE);
        apt.install(SERVICE);
        flags.set(INSTALLED, OsRelease.base(files));
    }

    /** Writes the configuration file on every config change; a bad port blocks the unit until it is fixed. */
    @When({INSTALLED, "config.changed"})
    void configure(Config config, Files files, Services services, Flags flags, Status status) {
        int port = config.getInt("port");
        if (port < 1 || port > 65535) {
            flags.clear(CONFIGURED);
            status.blocked("port must be between 1 and 65535, got " + port + ": juju config " + SERVICE
                    + " port=9000");
            return;
        }
        files.write(CONFIG_FILE, "port=" + port + "\n", 0644);
        flags.set(CONFIGURED);
        if (flags.isSet(STARTED)) {
            services.restart(SERVICE);
            status.active(ready(config, flags));
        }
    }

    /** Starts the service, never while a series upgrade is in progress or has paused it. */
    @When({INSTALLED, CONFIGURED})
    @WhenNot({STARTED, PAUSED, "upgrade.series.in-progress"})
    void start(Services services, Config config, Flags flags, Status status) {
        services.enableAndStart(SERVICE);
        flags.set(STARTED);
        status.active(ready(config, flags));
    }

    /** {@code pre-series-upgrade}: stop and disable the service so that it stays down across reboots. */
    @When({INSTALLED, "upgrade.series.in-progress"})
    @WhenNot(PAUSED)
    void pauseForSeriesUpgrade(Services services, Flags flags, Status status) {
        services.stopAndDisable(SERVICE);
        flags.clear(STARTED);
        flags.set(PAUSED);
        status.blocked(READY_FOR_UPGRADE);
    }

    /**
     * {@code post-series-upgrade}: migrates the application's data when the machine's base changed, then lets
     * {@link #start} enable and start the service.
     */
    @When(PAUSED)
    @WhenNot("upgrade.series.in-progress")
    void migrateAfterSeriesUpgrade(Services services, Files files, Flags flags, Status status) {
        String from = dataBase(flags);
        String to = OsRelease.base(files);
        if (!to.equals(from)) {
            status.maintenance("migrating " + SERVICE + " data from " + from + " to " + to);
            services.start(MIGRATION);
            flags.set(INSTALLED, to);
        }
        flags.clear(PAUSED);
    }

    /**
     * {@code upgrade-charm} ({@code juju refresh}): each charm revision ships with the workload version it was tested
     * with, so the package is upgraded, and a running service restarted onto it. A service paused for a series upgrade
     * stays down; it starts on the new version when the upgrade is complete.
     */
    @Hook("upgrade-charm")
    void upgradeWorkload(Apt apt, Services services, Config config, Flags flags, Status status) {
        if (!flags.isSet(INSTALLED)) {
            return;
        }
        apt.install(SERVICE);
        if (flags.isSet(STARTED)) {
            services.restart(SERVICE);
            status.active(ready(config, flags));
        }
    }

    /**
     * Checks that the service really runs, unless it is meant to be down. Status skips a status-set that changes
     * nothing, so a healthy unit makes no status-set call here.
     */
    @Hook("update-status")
    void updateStatus(Services services, Config config, Flags flags, Status status) {
        if (!flags.isSet(STARTED)) {
            return;
        }
        if (services.isActive(SERVICE)) {
            status.active(ready(config, flags));
        } else {
            status.blocked(SERVICE + " is not running: see journalctl -u " + SERVICE);
        }
    }

    private static String dataBase(Flags flags) {
        return flags.value(INSTALLED, String.class).orElseThrow(() -> new IllegalStateException(
                "flag " + INSTALLED + " has no value; it should hold the base the data is for, e.g. ubuntu@22.04"));
    }

    private static String ready(Config config, Flags flags) {
        return "ready on port " + config.getInt("port") + " (" + dataBase(flags) + ")";
    }
}
