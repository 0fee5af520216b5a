package dev.charms.reactive.benchmarks;

import dev.charms.reactive.config.Config;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.state.StateFile;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One hook of a six-handler demo charm in a fresh JVM, for the whole-process benchmark
 * ({@code samples/benchmarks/bench/one-hook.sh}): reads the unit state file in the given directory, runs
 * {@code install} through the production {@link HookRunner} with the in-memory backend, commits the new state
 * with {@link StateFile} (atomic, fsynced) and exits. The handlers are built as the processor's generated code
 * builds them, so nothing is found by reflection or class path scanning.
 *
 * <pre>java -cp benchmarks.jar dev.charms.reactive.benchmarks.OneHook STATE_DIR [--rss]</pre>
 * With {@code --rss} it prints the peak resident set ({@code VmHWM} of {@code /proc/self/status}, in kB) to
 * stderr as {@code rss-kb <n>} just before it exits, for machines without {@code /usr/bin/time}.
 */
public final class OneHook {
    private static final String CONFIG_YAML = "options: {greeting: {type: string, default: hello}}";

    private OneHook() {
    }

    /** The class the handlers are declared on; the invokers ignore the instance. */
    public static final class HelloCharm {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--rss"))) {
            System.err.println("usage: OneHook STATE_DIR [--rss]");
            System.exit(2);
        }
        StateFile stateFile = StateFile.at(Path.of(args[0]).resolve("state.json"));
        HookRunner runner = HookRunner.builder(HandlerSet.ofDefinitions(handlers(), type -> new HelloCharm()))
                .configOptions(ConfigYaml.parse(CONFIG_YAML, "config.yaml"))
                .build();
        InMemoryJujuBackend backend = new InMemoryJujuBackend(Map.of("greeting", "hi"), true, Map.of(),
                new StatusValue("unknown", ""), Map.of());
        HookOutcome outcome = runner.run(backend, "install", stateFile.read());
        stateFile.write(outcome.state());
        System.out.println("committed " + stateFile.path() + " after " + String.join(", ", outcome.invoked()));
        if (args.length == 2) {
            System.err.println("rss-kb " + peakResidentKb());
        }
    }

    /** Six handlers in the shape of the design's hello charm; two of them never run in {@code install}. */
    static List<HandlerDefinition> handlers() {
        return List.of(
                HandlerDefinition.builder(HelloCharm.class, "onInstall")
                        .hook("install")
                        .parameters(Status.class)
                        .invoker((target, args) -> ((Status) args[0]).maintenance("installing hello"))
                        .build(),
                HandlerDefinition.builder(HelloCharm.class, "install")
                        .whenNone("hello.installed")
                        .parameters(Flags.class)
                        .invoker((target, args) -> ((Flags) args[0]).set("hello.installed"))
                        .build(),
                HandlerDefinition.builder(HelloCharm.class, "configure")
                        .whenAll("hello.installed", "config.changed")
                        .parameters(Config.class, Flags.class)
                        .invoker((target, args) -> {
                            String greeting = ((Config) args[0]).getString("greeting");
                            ((Flags) args[1]).set("hello.configured", greeting);
                        })
                        .build(),
                HandlerDefinition.builder(HelloCharm.class, "start")
                        .whenAll("hello.installed", "hello.configured")
                        .whenNone("hello.started")
                        .parameters(Flags.class, Status.class)
                        .invoker((target, args) -> {
                            ((Flags) args[0]).set("hello.started");
                            ((Status) args[1]).active("ready");
                        })
                        .build(),
                HandlerDefinition.builder(HelloCharm.class, "pauseForSeriesUpgrade")
                        .whenAll("hello.started", "upgrade.series.in-progress")
                        .parameters(Flags.class)
                        .invoker((target, args) -> ((Flags) args[0]).set("hello.disabled"))
                        .build(),
                HandlerDefinition.builder(HelloCharm.class, "resumeAfterSeriesUpgrade")
                        .whenAll("hello.disabled")
                        .whenNone("upgrade.series.in-progress")
                        .parameters(Flags.class)
                        .invoker((target, args) -> ((Flags) args[0]).clear("hello.disabled"))
                        .build());
    }

    private static String peakResidentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .findFirst()
                .orElse("unknown");
    }
}
