package dev.charms.reactive.samples.hello;

import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.HookDriver;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.ProcessHookDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times 100 hooks of the hello charm on the model simulator, through real processes ({@link ProcessHookDriver}
 * over the built charm) and in this JVM (a {@link SimulatedHost} per machine), the same scenario each run in a new
 * model (and for processes new unit directories, so each of the three units bootstraps on its first hook, as on a
 * real machine): deploy 3 units (12
 * hooks), change the greeting (3), remove the leader (stop, remove, leader-elected on the next: 3), then 41
 * update-status ticks on the two units left (82). Prints the wall time of each run and, per hook name, the time of
 * the driver's {@code run}. Run by {@code samples/hello/bench/process-driver.sh}; not a test.
 */
public final class ProcessDriverBenchmark {
    private static final int HOOKS = 100;

    private ProcessDriverBenchmark() {
    }

    /**
     * Arguments: the charm's source directory ({@code src/main/charm}), the built charm
     * ({@code target/charm/hello.charm}), a new work directory (left for the caller to delete), the number of runs
     * per driver.
     */
    public static void main(String[] args) {
        Charm hello = Charm.fromDirectory(Path.of(args[0]), HelloCharm.class);
        Path charm = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        Map<String, List<Long>> perHook = new TreeMap<>();
        List<Long> process = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ProcessHookDriver driver = ProcessHookDriver.builder().charm(hello, charm)
                    .workDirectory(work.resolve("process-" + run)).build();
            process.add(time(new Model(timed(driver, perHook)), hello));
            System.out.println("process run " + run + ": " + process.get(run) + " ms");
        }
        List<Long> inProcess = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path machines = work.resolve("in-process-" + run);
            Map<String, SimulatedHost> hosts = new HashMap<>();
            inProcess.add(time(new Model(HookDriver.inProcess(request -> List.of(hosts.computeIfAbsent(
                    request.machine(), machine -> new SimulatedHost(machines.resolve(machine)))))), hello));
        }
        System.out.println("100 hooks through processes, ms: " + stats(process));
        perHook.forEach((hook, ms) -> System.out.println("  " + hook + " ms: " + stats(ms)));
        System.out.println("100 hooks in process, ms: " + stats(inProcess) + " (first run: " + inProcess.get(0)
                + ", cold JVM)");
    }

    private static long time(Model model, Charm hello) {
        long start = System.nanoTime();
        model.deploy("hello", hello, 3);
        model.config("hello", "greeting", "hi there");
        model.removeUnit("hello/0");
        for (int tick = 0; tick < 41; tick++) {
            model.updateStatus();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (model.timeline().size() != HOOKS) {
            throw new IllegalStateException("the scenario ran " + model.timeline().size() + " hooks, not " + HOOKS);
        }
        return ms;
    }

    /** The driver, recording how long each of its hooks took, by hook name. */
    private static HookDriver timed(HookDriver driver, Map<String, List<Long>> perHook) {
        return (request, backend) -> {
            long start = System.nanoTime();
            try {
                return driver.run(request, backend);
            } finally {
                perHook.computeIfAbsent(request.hook(), h -> new ArrayList<>())
                        .add((System.nanoTime() - start) / 1_000_000);
            }
        };
    }

    /** Median, minimum, maximum and count. */
    private static String stats(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return "median " + median + " (min " + sorted.get(0) + ", max " + sorted.get(n - 1) + ", n=" + n + ")";
    }
}
