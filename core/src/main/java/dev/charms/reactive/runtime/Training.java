package dev.charms.reactive.runtime;

import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandException;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.ProcessCommandRunner;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.ProcessJujuBackend;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.state.StateFile;
import dev.charms.reactive.status.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Main --train}, run by the bootstrap in the charm's directory: prepares the charm for fast hooks.
 *
 * <ol>
 *   <li>writes the digest of the charm's YAML files ({@link CharmFiles#digest}) into {@code .reactive}, which
 *       hooks then read instead of parsing YAML, and reads it back as a hook does;</li>
 *   <li>records the charm's handler indexes and parameter resolvers ({@link ClassPathRecord}), which hooks then
 *       load without opening every jar, and loads them as a hook does, running none of its handlers (their side
 *       effects would be real);</li>
 *   <li>runs {@code install}, {@code update-status} and an action of a small built-in charm through the
 *       production path of a hook ({@link CharmRuntime#runner}, {@link CharmRuntime#runAndCommit}, with the
 *       configuration read ahead and the log sent beside the commit): the hook tools are answered in memory by
 *       the production {@link ProcessJujuBackend}, the state is committed to a
 *       scratch state file in {@code .reactive} (deleted afterwards), and one real process ({@code true}) is
 *       started as a hook starts its tools.</li>
 * </ol>
 * The dispatch script runs it under {@code -XX:DumpLoadedClassList} and dumps the classes listed into the
 * class-data-sharing archive, which thereby holds the classes a real hook loads. Nothing else is written, and no
 * hook tool runs.
 */
final class Training {
    private static final String METADATA = "name: train\nrequires:\n  db: {interface: mysql}\npeers:\n  cluster: train\n";
    private static final String CONFIG = "options:\n  port: {type: int, default: 8080}\n  name: {type: string}\n";
    private static final String ACTIONS = "train:\n  params:\n    level: {type: integer, default: 1}\n";

    private Training() {
    }

    /**
     * Trains in {@code charmDir}.
     *
     * @param environment the process environment; its {@code PATH} finds {@code true}
     * @throws RuntimeException when the charm's files are invalid or {@code .reactive} cannot be written
     */
    static void run(Path charmDir, Map<String, String> environment, ClassLoader loader) {
        Path stateDirectory = CharmRuntime.stateDirectory(charmDir);
        CharmRuntime.createPrivateDirectory(stateDirectory);
        CharmFiles.digest(charmDir);
        CharmFiles.read(charmDir);
        HookEnvironment hook = HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH", "hooks/update-status",
                "JUJU_HOOK_NAME", "update-status", "JUJU_UNIT_NAME", "train/0", "JUJU_CHARM_DIR", charmDir.toString(),
                "JUJU_VERSION", "3.6.0", "JUJU_MODEL_NAME", "train"));
        CharmFiles sample = new CharmFiles(MetadataYaml.relations(METADATA, "metadata.yaml"),
                ConfigYaml.parse(CONFIG, "config.yaml"), ActionsYaml.parse(ACTIONS, "actions.yaml"));
        hook.hookName(sample.endpoints());
        Optional<ClassPathRecord> record = recordClassPath(charmDir, loader);
        startAProcess(environment);
        HookRunner runner = CharmRuntime.runner(HandlerSet.ofDefinitions(handlers(), type -> new Object()), sample,
                hook, new ProcessCommandRunner(environment),
                dev.charms.reactive.host.Files::new, record.map(ClassPathRecord::resolvers));
        StateFile stateFile = StateFile.at(stateDirectory.resolve("train-state.json"));
        try {
            for (String name : List.of("install", "update-status", "train")) {
                ProcessJujuBackend backend = new ProcessJujuBackend(Training::answer, hook.unit(),
                        ProcessJujuBackend.LogMode.BUFFERED);
                backend.prefetchConfig();
                CharmRuntime.runAndCommit(runner, backend, name, name.equals("train"), stateFile);
                backend.awaitPrefetch();
                backend.flushLog();
            }
        } finally {
            try {
                Files.deleteIfExists(stateFile.path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the scratch state file " + stateFile.path(), e);
            }
        }
    }

    /** Records what the charm's jars provide for hooks ({@link ClassPathRecord}) and loads it as a hook does. */
    private static Optional<ClassPathRecord> recordClassPath(Path charmDir, ClassLoader loader) {
        Path file = CharmRuntime.classPathRecord(charmDir);
        try {
            ClassPathRecord.write(file, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
        Optional<ClassPathRecord> record = ClassPathRecord.read(file, loader);
        record.ifPresent(found -> HandlerSet.of(found.indexes()));
        return record;
    }

    /** Runs {@code true} as {@link ProcessJujuBackend#forHook} runs a hook tool; only its classes matter. */
    private static void startAProcess(Map<String, String> environment) {
        try {
            new ProcessCommandRunner(environment).withTimeout(ProcessJujuBackend.DEFAULT_TOOL_TIMEOUT)
                    .run(Command.of("true"));
        } catch (CommandException e) {
            // Not on PATH: the archive then lacks the process classes, and hooks start a little more slowly.
        }
    }

    private static List<HandlerDefinition> handlers() {
        return List.of(
                HandlerDefinition.builder(Training.class, "installed")
                        .hook("install", "update-status")
                        .parameters(Flags.class)
                        .invoker((target, args) -> ((Flags) args[0]).set("train.installed"))
                        .build(),
                HandlerDefinition.builder(Training.class, "configure")
                        .whenAll("config.changed")
                        .parameters(Config.class, Flags.class)
                        .invoker((target, args) -> ((Flags) args[1]).set("train.port."
                                + ((Config) args[0]).getLong("port")))
                        .build(),
                HandlerDefinition.builder(Training.class, "ready")
                        .whenNone("train.ready")
                        .parameters(Status.class, Flags.class)
                        .invoker((target, args) -> {
                            ((Status) args[0]).active("ready");
                            ((Flags) args[1]).set("train.ready");
                        })
                        .build(),
                HandlerDefinition.builder(Training.class, "train")
                        .action("train")
                        .parameters(ActionContext.class, Flags.class)
                        .invoker((target, args) -> {
                            ActionContext action = (ActionContext) args[0];
                            action.set("level", action.getLong("level"));
                            ((Flags) args[1]).clear("train.ready");
                        })
                        .build());
    }

    /** What Juju's tools would print, without starting them. */
    private static CommandResult answer(Command command) {
        String stdout = switch (command.argv().get(0)) {
            case "config-get" -> "{\"port\": 8080, \"name\": null}";
            case "is-leader" -> "true";
            case "leader-get", "action-get" -> "{}";
            case "status-get" -> "{\"status\": \"unknown\", \"message\": \"\"}";
            default -> "";
        };
        return new CommandResult(command, 0, stdout, "");
    }
}
