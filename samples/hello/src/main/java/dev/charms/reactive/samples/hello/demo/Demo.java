package dev.charms.reactive.samples.hello.demo;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The main job: drives the hello charm through a deployment in memory, hook by hook, with the production hook
 * runner (through the {@link Harness}), and prints what each hook did: the handlers invoked in order, the flags
 * set and cleared, the hook tools and host commands called, and the statuses after the hook. Every line comes from
 * the run; only the operator's actions are scripted.
 * <pre>
 * java -jar samples/hello/target/hello-demo.jar
 * </pre>
 */
public final class Demo {
    /** Hook tools that only read; left out of the timeline. */
    private static final Set<String> READS = Set.of("config-get", "is-leader", "leader-get", "status-get");

    /** One step of the deployment: what the operator (or Juju) did, and the hook it fires on unit hello/0. */
    private record Step(String cause, String hook, boolean leader, Map<String, Object> config) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("juju deploy hello", "install", false, Map.of()),
            new Step("Juju elects hello/0 leader", "leader-elected", true, Map.of()),
            new Step("Juju delivers the initial config", "config-changed", true, Map.of()),
            new Step("Juju starts the unit", "start", true, Map.of()),
            new Step("juju config hello greeting='hi there'", "config-changed", true, Map.of("greeting", "hi there")),
            new Step("five minutes pass", "update-status", true, Map.of()),
            new Step("juju upgrade-machine 0 prepare ubuntu@24.04", "pre-series-upgrade", true, Map.of()),
            new Step("do-release-upgrade, reboot, juju upgrade-machine 0 complete", "post-series-upgrade", true,
                    Map.of()));

    private Demo() {
    }

    /** Runs the deployment and prints its timeline to standard output; exits 1 if a hook fails. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("hello-demo");
        try {
            run(System.out, dir.resolve("etc/hello/hello.conf"));
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Runs the deployment, the charm writing its configuration file to {@code configFile}, and prints the timeline
     * to {@code out}.
     *
     * @throws dev.charms.reactive.testing.HarnessRunFailed when a hook fails, with its log
     */
    public static void run(PrintStream out, Path configFile) throws IOException {
        SimulatedHost host = new SimulatedHost();
        Harness harness = HelloHarness.of(host, configFile);
        StatusValue applicationStatus = new StatusValue("unknown", "");
        out.println("hello: a simulated deployment of unit hello/0 on machine 0, in memory");
        int number = 1;
        List<String> flags = List.of();
        for (Step step : STEPS) {
            harness = harness.leader(step.leader()).config(step.config()).hook(step.hook());
            Result result = harness.run();
            flags = result.flags();
            harness = harness.state(result.state()).unitStatus(result.unitStatus())
                    .leaderSettings(result.leaderSettings());
            List<StatusValue> applicationStatuses = result.applicationStatusHistory();
            applicationStatus = applicationStatuses.size() > 1 ? result.applicationStatus() : applicationStatus;

            out.println();
            out.println("[" + number++ + "] " + step.hook() + "    <- " + step.cause());
            out.println("    handlers    " + joined(result.invoked(), ", "));
            out.println("    flags       " + flagChanges(result));
            out.println("    hook tools  " + joined(toolCalls(result.calls()), "; "));
            out.println("    host        " + joined(host.takeCommands(), "; "));
            out.println("    status      unit " + describe(result.unitStatus()) + "; application "
                    + describe(applicationStatus));
        }
        out.println();
        out.println("flags at the end: " + joined(flags, ", "));
        out.println(configFile.getFileName() + " at the end: "
                + Files.readString(configFile).strip().replace("\n", ", "));
    }

    private static String flagChanges(Result result) {
        List<String> changes = new ArrayList<>();
        result.flagsSet().forEach(flag -> changes.add("+" + flag));
        result.flagsCleared().forEach(flag -> changes.add("-" + flag));
        return joined(changes, " ");
    }

    private static List<String> toolCalls(List<ToolCall> calls) {
        return calls.stream().filter(call -> !READS.contains(call.tool())).map(Demo::describe).toList();
    }

    private static String describe(ToolCall call) {
        if (call.tool().equals("status-set")) {
            boolean application = (Boolean) call.arguments().get(0);
            StatusValue status = (StatusValue) call.arguments().get(1);
            return "status-set " + (application ? "--application " : "") + status.state() + " \"" + status.message()
                    + "\"";
        }
        return call.tool() + " " + call.arguments();
    }

    private static String describe(StatusValue status) {
        return status.message().isEmpty() ? status.state() : status.state() + " \"" + status.message() + "\"";
    }

    private static String joined(List<String> items, String separator) {
        return items.isEmpty() ? "-" : String.join(separator, items);
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
