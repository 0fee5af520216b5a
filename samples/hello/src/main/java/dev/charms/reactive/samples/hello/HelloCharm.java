package dev.charms.reactive.samples.hello;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.status.Status;
import java.nio.file.Path;

/**
 * The hello charm: installs the {@code hello} package, writes its configuration file from the charm's config and
 * runs the {@code hello} service, keeping the unit's status up to date. The leader shows the greeting in the
 * application's status.
 *
 * <p>Flags it sets: {@code hello.installed} (package installed), {@code hello.configured} (the configuration file
 * holds valid config), {@code hello.started} (service enabled and started), {@code hello.paused} (service stopped
 * for a series upgrade), {@code hello.greeting-shown} (the leader has shown the current greeting).
 *
 * <p>Series upgrade: in {@code pre-series-upgrade} (flag {@code upgrade.series.in-progress}) the service is stopped
 * and disabled so that it stays down across the reboot; after {@code post-series-upgrade} it is enabled and started
 * again.
 */
public class HelloCharm {
    /** The service's configuration file. */
    public static final Path CONFIG_FILE = Path.of("/etc/hello/hello.conf");
    /** The apt package and the systemd service. */
    public static final String SERVICE = "hello";

    @WhenNot("hello.installed")
    void install(Apt apt, Flags flags, Status status) {
        status.maintenance("installing " + SERVICE);
        apt.install(SERVICE);
        flags.set("hello.installed");
    }

    /** Writes the configuration file on every config change; a bad port blocks the unit until it is fixed. */
    @When({"hello.installed", "config.changed"})
    void configure(Config config, Files files, Services services, Flags flags, Status status) {
        int port = config.getInt("port");
        if (port < 1 || port > 65535) {
            flags.clear("hello.configured");
            status.blocked("port must be between 1 and 65535, got " + port + ": juju config hello port=8080");
            return;
        }
        files.write(CONFIG_FILE, "greeting=" + config.getString("greeting") + "\nport=" + port + "\n", 0644);
        flags.set("hello.configured");
        flags.clear("hello.greeting-shown");
        if (flags.isSet("hello.started") && !flags.isSet("hello.paused")) {
            services.restart(SERVICE);
            status.active(ready(config));
        }
    }

    @When({"hello.installed", "hello.configured"})
    @WhenNot({"hello.started", "upgrade.series.in-progress"})
    void start(Services services, Config config, Flags flags, Status status) {
        services.enableAndStart(SERVICE);
        flags.set("hello.started");
        status.active(ready(config));
    }

    /** The leader shows the greeting in the application's status, again after each change of config. */
    @When({"leadership.is_leader", "hello.started"})
    @WhenNot("hello.greeting-shown")
    void showGreeting(Config config, Status status, Flags flags) {
        status.application().active("greeting: " + config.getString("greeting"));
        flags.set("hello.greeting-shown");
    }

    /**
     * Checks that the service really runs. Status skips a status-set that changes nothing, so a healthy unit
     * makes no status-set call here.
     */
    @Hook("update-status")
    void updateStatus(Services services, Config config, Flags flags, Status status) {
        if (!flags.isSet("hello.started") || flags.isSet("hello.paused") || !flags.isSet("hello.configured")) {
            return;
        }
        if (services.isActive(SERVICE)) {
            status.active(ready(config));
        } else {
            status.blocked(SERVICE + " is not running: see journalctl -u " + SERVICE);
        }
    }

    @When({"hello.started", "upgrade.series.in-progress"})
    @WhenNot("hello.paused")
    void pauseForSeriesUpgrade(Services services, Flags flags, Status status) {
        services.stopAndDisable(SERVICE);
        flags.set("hello.paused");
        status.blocked("Ready for do-release-upgrade and reboot. Set complete when finished.");
    }

    @When("hello.paused")
    @WhenNot("upgrade.series.in-progress")
    void resumeAfterSeriesUpgrade(Services services, Config config, Flags flags, Status status) {
        services.enableAndStart(SERVICE);
        flags.clear("hello.paused");
        status.active(ready(config));
    }

    private static String ready(Config config) {
        return "ready: saying '" + config.getString("greeting") + "' on port " + config.getInt("port");
    }
}
