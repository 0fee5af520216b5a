package dev.charms.reactive.samples.demo;

import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.samples.appservices.AppServicesCharm;
import dev.charms.reactive.samples.greeter.GreeterCharm;
import dev.charms.reactive.samples.listener.ListenerCharm;
import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.HookDriver;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SeriesUpgradeStatus;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main job: a simulated Juju model in memory, driven the way an operator drives a real one, over the sample
 * charms. Three units of app-services, a greeter and two listeners related over interface:greeting; a config
 * change, a relation, a change that flows over it, a refresh of app-services, and an OS series upgrade of one
 * machine, with a config change held back while it runs. Every hook runs the charm's handlers through the production hook runner (the
 * simulator's in-process driver); each unit has its own simulated machine, so service and file changes are real
 * to the charm. The timeline is printed operation by operation ({@link TimelinePrinter}).
 * <pre>
 * java -jar samples/demo/target/deployment-demo.jar
 * </pre>
 */
public final class DeploymentDemo {
    /** The machine whose series is upgraded: the one app-services/1 runs on. */
    private static final String UPGRADED_MACHINE = "1";
    private static final String TARGET_BASE = "ubuntu@24.04";

    private final Path machines;
    private final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    private final List<List<String>> commandsByHook = new ArrayList<>();

    private DeploymentDemo(Path machines) {
        this.machines = machines;
    }

    /** Runs the deployment and prints its timeline to standard output; exits 1 if a hook fails. */
    public static void main(String[] args) throws IOException {
        Path machines = Files.createTempDirectory("deployment-demo");
        try {
            run(System.out, machines);
        } finally {
            deleteTree(machines);
        }
    }

    /**
     * Runs the deployment, each unit's simulated machine in a directory under {@code machines}, and prints the
     * timeline to {@code out}.
     *
     * @throws dev.charms.reactive.testing.model.ModelHookFailed when a hook fails, with its log
     */
    public static void run(PrintStream out, Path machines) {
        new DeploymentDemo(machines).play(out);
    }

    private void play(PrintStream out) {
        HookDriver inProcess = HookDriver.inProcess(request -> List.of(host(request.unit())));
        Model model = new Model((request, backend) -> {
            HookOutcome outcome = inProcess.run(request, backend);
            commandsByHook.add(host(request.unit()).takeCommands());
            return outcome;
        });
        TimelinePrinter timeline = new TimelinePrinter(out, model, sequence -> commandsByHook.get(sequence - 1));
        out.println("A simulated Juju model, in memory. Each hook runs the charm's handlers through the production hook");
        out.println("runner; each unit has a simulated machine (Ubuntu 22.04) whose commands are shown as host.");

        Charm appServices = charm("app-services", AppServicesCharm.class);
        timeline.operation("juju deploy app-services -n 3", () -> model.deploy("app-services", appServices, 3));
        timeline.operation("juju config app-services port=9100", () -> model.config("app-services", "port", 9100));
        timeline.operation("juju deploy greeter", () -> model.deploy("greeter", charm("greeter", GreeterCharm.class), 1));
        timeline.operation("juju deploy listener -n 2",
                () -> model.deploy("listener", charm("listener", ListenerCharm.class), 2));
        timeline.operation("juju integrate greeter listener",
                () -> model.relate("greeter:greeting", "listener:greeting"));
        timeline.operation("juju config greeter greeting=hi", () -> model.config("greeter", "greeting", "hi"));
        timeline.operation("juju refresh app-services (revision 2)",
                () -> model.refresh("app-services", appServices.revision(2)));
        timeline.operation("juju upgrade-machine " + UPGRADED_MACHINE + " prepare " + TARGET_BASE,
                () -> model.prepareSeriesUpgrade(UPGRADED_MACHINE, TARGET_BASE));
        int shown = upgradeStatuses(timeline, model, 0);
        timeline.operation("juju config app-services port=9200",
                () -> model.config("app-services", "port", 9200));
        timeline.note("app-services/1 runs no hook: Juju holds its config-changed until machine " + UPGRADED_MACHINE
                + " completes its upgrade");

        SimulatedHost upgraded = host("app-services/1");
        timeline.section("do-release-upgrade and reboot, on machine " + UPGRADED_MACHINE);
        upgraded.writeFile("/etc/os-release", osRelease("24.04"));
        upgraded.reboot();
        timeline.note("machine " + UPGRADED_MACHINE + " runs Ubuntu 24.04; after the reboot app-services is "
                + (upgraded.isRunning(AppServicesCharm.SERVICE) ? "running" : "not running")
                + (upgraded.isEnabled(AppServicesCharm.SERVICE) ? " (enabled)" : " (disabled)"));

        timeline.operation("juju upgrade-machine " + UPGRADED_MACHINE + " complete",
                () -> model.completeSeriesUpgrade(UPGRADED_MACHINE));
        upgradeStatuses(timeline, model, shown);

        timeline.section("juju status");
        for (SimulatedUnit unit : model.units()) {
            out.printf("  %-16smachine %-3s%s%n", unit.name() + (model.leader(unit.application()).orElse("")
                    .equals(unit.name()) ? "*" : ""), unit.machine(), TimelinePrinter.describe(unit.status()));
        }
    }

    /** Notes the upgraded machine's series upgrade statuses after the first {@code shown}; returns how many there are. */
    private static int upgradeStatuses(TimelinePrinter timeline, Model model, int shown) {
        List<SeriesUpgradeStatus> history = model.seriesUpgradeHistory(UPGRADED_MACHINE);
        timeline.note("machine " + UPGRADED_MACHINE + " upgrade status: " + String.join(" -> ",
                history.subList(shown, history.size()).stream().map(SeriesUpgradeStatus::toString).toList()));
        return history.size();
    }

    /** The unit's machine, made on its first hook, running Ubuntu 22.04. */
    private SimulatedHost host(String unit) {
        return hosts.computeIfAbsent(unit, u -> {
            SimulatedHost host = new SimulatedHost(machines.resolve(u.replace('/', '-')));
            host.writeFile("/etc/os-release", osRelease("22.04"));
            return host;
        });
    }

    private static String osRelease(String version) {
        return "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"" + version + "\"\n";
    }

    /** A sample charm: its handler class, with the config.yaml and metadata.yaml copied under charms/NAME/. */
    private static Charm charm(String name, Class<?> handlers) {
        return Charm.of(handlers).metadataYaml(resource(name, "metadata.yaml")).configYaml(resource(name, "config.yaml"));
    }

    private static String resource(String charm, String file) {
        String path = "/charms/" + charm + "/" + file;
        try (InputStream in = DeploymentDemo.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath; the build copies it there from"
                        + " samples/" + charm + "/src/main/charm (see samples/demo/pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
