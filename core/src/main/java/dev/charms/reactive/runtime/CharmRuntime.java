package dev.charms.reactive.runtime;

import com.google.gson.JsonObject;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.FileDigests;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.endpoints.EndpointEnvironment;
import dev.charms.reactive.endpoints.EndpointSupport;
import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.ProcessCommandRunner;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.HookEnvironmentException;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.ProcessJujuBackend;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.state.StateFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One hook or action, from the process environment to the committed state and the exit code: what
 * {@link dev.charms.reactive.Main} runs.
 *
 * <ol>
 *   <li>reads the hook environment ({@link HookEnvironment}); a missing or malformed variable is reported on
 *       stderr (and with {@code juju-log} when Juju's context is there) naming the variable, exit 1;</li>
 *   <li>removes the class-data-sharing archive if the JVM refused it ({@link #dropRefusedArchive});</li>
 *   <li>reads {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml} from {@code JUJU_CHARM_DIR}
 *       ({@link CharmFiles}, through the digest {@code --train} writes while the files match it) and finds
 *       the handlers and parameter resolvers (those {@code --train} recorded while the class path is unchanged,
 *       {@link ClassPathRecord}, else {@link HandlerDiscovery}, whose warnings go to the log, and
 *       {@link java.util.ServiceLoader});</li>
 *   <li>reads the unit state from {@code <charm dir>/.reactive/state.json} ({@link StateFile});</li>
 *   <li>runs the hook, or the action for {@code actions/<name>}, with {@link HookRunner} over
 *       {@link ProcessJujuBackend#forHook} (log lines batched; a hook starts {@code config-get} first thing, see
 *       {@link ProcessJujuBackend#prefetchConfig}), with {@link HookEnvironment}, {@link Services},
 *       {@link Apt} and {@link Files} injectable (commands run over the hook's environment, with no timeout; files
 *       under {@link #FILES_ROOT} when that is set);</li>
 *   <li>on success, creates {@code .reactive} (mode 0700) if needed and commits the new state, then publishes
 *       leader settings and relation data (a failed publication commits the old state again), exit 0;</li>
 *   <li>on any failure, commits nothing, logs {@code Hook error:} with the stack trace, prints the error on
 *       stderr, exit 1, and Juju retries the hook.</li>
 * </ol>
 * Whatever happens, the batched log is sent with one {@code juju-log} call before returning. An action that has
 * no handler, or whose parameters do not match {@code actions.yaml}, is failed with {@code action-fail} and
 * exits 0: the action failed, the unit did not.
 */
public final class CharmRuntime {
    /** The hook or action succeeded (an action may still have failed itself with {@code action-fail}). */
    public static final int OK = 0;
    /** The hook failed: nothing was committed and Juju retries it. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    /**
     * The variable naming a directory that stands for {@code /} for the handlers' {@link Files}
     * ({@link Files#under}), for tests that run the built charm on the build machine: the model simulator's process
     * driver sets it to each simulated machine's root. Juju never sets it; unset or empty, files are the machine's.
     */
    public static final String FILES_ROOT = "REACTIVE_FILES_ROOT";

    /** The argument that runs {@link Training} instead of a hook. */
    public static final String TRAIN = "--train";

    private CharmRuntime() {
    }

    /**
     * Runs the hook or action {@code environment} describes, or with {@code --train} a representative hook and
     * action in memory (see {@link Training}).
     *
     * @param args the command line: empty, or {@code --train}
     * @param environment the process environment, {@link System#getenv()} in production
     * @param err where errors are printed (Juju logs the hook's stderr at WARNING)
     * @param loader the charm's class loader, where handlers are discovered
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(List<String> args, Map<String, String> environment, PrintStream err, ClassLoader loader) {
        if (args.equals(List.of(TRAIN))) {
            return train(environment, err, loader);
        }
        if (!args.isEmpty()) {
            err.println("usage: java dev.charms.reactive.Main [" + TRAIN + "]\n"
                    + "Runs the hook or action named by JUJU_DISPATCH_PATH; " + TRAIN
                    + " digests the charm's YAML files and runs a sample hook to record a class-data-sharing"
                    + " archive. Unexpected: " + String.join(" ", args));
            return USAGE;
        }
        HookEnvironment hook;
        try {
            hook = HookEnvironment.of(environment);
        } catch (HookEnvironmentException e) {
            err.println(e.getMessage());
            logOutsideAHook(environment, e.getMessage());
            return FAILED;
        }
        ProcessJujuBackend backend = ProcessJujuBackend.forHook(hook, environment);
        if (!hook.isAction()) {
            backend.prefetchConfig();
        }
        try {
            return run(hook, environment, backend, err, loader);
        } finally {
            backend.awaitPrefetch();
            try {
                backend.flushLog();
            } catch (RuntimeException e) {
                err.println("cannot send the hook's log to juju-log: " + e.getMessage());
            }
        }
    }

    private static int run(HookEnvironment hook, Map<String, String> environment, ProcessJujuBackend backend,
            PrintStream err, ClassLoader loader) {
        try {
            Path charmDir = hook.charmDir();
            dropRefusedArchive(charmDir, System.getProperty("java.vm.info", ""), backend);
            CharmFiles files = CharmFiles.read(charmDir);
            String name = hook.hookName(files.endpoints()).name();
            Optional<ClassPathRecord> record = ClassPathRecord.read(classPathRecord(charmDir), loader);
            HandlerSet handlers = HandlerSet.of(record.isPresent() ? record.get().indexes()
                    : HandlerDiscovery.discover(loader, warning -> backend.log(LogLevel.WARNING, warning)));
            HookRunner runner = runner(handlers, files, hook, new ProcessCommandRunner(environment),
                    () -> files(environment),
                    record.isPresent() ? Optional.of(record.get().resolvers()) : Optional.empty());
            StateFile stateFile = StateFile.at(stateDirectory(charmDir).resolve("state.json"));
            runAndCommit(runner, backend, name, hook.isAction(), stateFile);
            return OK;
        } catch (HookFailedException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            backend.log(LogLevel.ERROR, "Hook error:\n" + trace.toString().stripTrailing());
            err.println(hook + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The machine's files, or with {@link #FILES_ROOT} set those under the directory it names. */
    private static Files files(Map<String, String> environment) {
        String root = environment.get(FILES_ROOT);
        return root == null || root.isEmpty() ? new Files() : Files.under(Path.of(root));
    }

    private static int train(Map<String, String> environment, PrintStream err, ClassLoader loader) {
        Path charmDir = Path.of(environment.getOrDefault("JUJU_CHARM_DIR", "")).toAbsolutePath();
        try {
            Training.run(charmDir, environment, loader);
            return OK;
        } catch (RuntimeException e) {
            err.println("training in " + charmDir + " failed (hooks still run, parsing the YAML files and starting"
                    + " more slowly): " + e);
            return FAILED;
        }
    }

    /**
     * The runner for one hook of the charm: the charm's handlers with endpoint support, the declarations of its
     * files, and the hook environment and host helpers injectable (commands run with {@code commands}).
     *
     * @param machineFiles makes the {@link Files} handlers get
     * @param resolvers the parameter resolvers of the class path when known ({@link ClassPathRecord}); when
     *     empty, the runner looks them up with {@link java.util.ServiceLoader}
     */
    static HookRunner runner(HandlerSet handlers, CharmFiles files, HookEnvironment hook, CommandRunner commands,
            Supplier<Files> machineFiles, Optional<List<ParameterResolver>> resolvers) {
        HookRunner.Builder builder = HookRunner.builder(handlers);
        EndpointSupport.of(handlers, files.relations(), EndpointEnvironment.of(hook)).install(builder);
        if (resolvers.isPresent()) {
            builder.recordedResolvers(resolvers.get());
        }
        return builder
                .relations(files.relations())
                .configOptions(files.configOptions())
                .actions(files.actions())
                .files(FileDigests.under(hook.charmDir()))
                .service(HookEnvironment.class, () -> hook)
                .service(Services.class, () -> new Services(commands))
                .service(Apt.class, () -> new Apt(commands))
                .service(Files.class, machineFiles)
                .build();
    }

    /**
     * Runs the hook or action {@code name} over the state in {@code stateFile} and commits the new state there
     * (creating its directory, mode 0700, if needed) before anything is published. The hook's log is complete
     * when the commit starts, so it is sent meanwhile ({@link ProcessJujuBackend#flushLogInBackground}); the
     * caller's {@link ProcessJujuBackend#flushLog} waits for it and sends what a failure adds.
     *
     * @throws HookFailedException when the hook failed, the commit included; nothing is then committed
     */
    static HookOutcome runAndCommit(HookRunner runner, ProcessJujuBackend backend, String name, boolean action,
            StateFile stateFile) {
        JsonObject state = stateFile.read();
        Consumer<JsonObject> commit = newState -> {
            backend.flushLogInBackground();
            createPrivateDirectory(stateFile.path().getParent());
            stateFile.write(newState);
        };
        return action ? runner.runAction(backend, name, state, commit) : runner.run(backend, name, state, commit);
    }

    /** The directory of the charm's runtime files: the unit state, the digest of the charm files. */
    static Path stateDirectory(Path charmDir) {
        return charmDir.resolve(".reactive");
    }

    /**
     * Removes the charm's class-data-sharing archive when this JVM, whose {@code java.vm.info} is {@code vmInfo},
     * shares no classes although the archive is there: the JVM refused it (it was made by another JVM, such as the
     * one before a JDK update), which it does silently, and every hook would start more than twice as slowly. The
     * dispatch script prepares a new one for the next hook.
     */
    static void dropRefusedArchive(Path charmDir, String vmInfo, JujuBackend backend) {
        Path archive = stateDirectory(charmDir).resolve("classes.jsa");
        if (vmInfo.contains("sharing") || !java.nio.file.Files.exists(archive)) {
            return;
        }
        try {
            java.nio.file.Files.delete(archive);
            backend.log(LogLevel.WARNING, "the JVM did not use the class-data-sharing archive " + archive
                    + " (it was made for another JVM or other jars); removed it, so that the next hook prepares a new"
                    + " one");
        } catch (IOException e) {
            backend.log(LogLevel.WARNING, "the JVM did not use the class-data-sharing archive " + archive
                    + ", which cannot be removed (" + e + "); hooks start slowly until it is removed or the charm"
                    + " is upgraded");
        }
    }

    /** Where the bootstrap records what the charm's jars provide ({@link ClassPathRecord}). */
    static Path classPathRecord(Path charmDir) {
        return stateDirectory(charmDir).resolve("class-path.json");
    }

    /** Creates {@code directory}, readable by its owner only, unless it exists. */
    static void createPrivateDirectory(Path directory) {
        if (java.nio.file.Files.isDirectory(directory)) {
            return;
        }
        try {
            java.nio.file.Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + directory + ": " + e, e);
        }
    }

    /** Best effort: without a valid environment there is no backend, but juju-log may still reach the agent. */
    private static void logOutsideAHook(Map<String, String> environment, String message) {
        if (!environment.containsKey("JUJU_CONTEXT_ID")) {
            return;
        }
        try {
            new ProcessCommandRunner(environment).run(Command.of("juju-log", "-l", "ERROR", "--", message));
        } catch (RuntimeException ignored) {
            // The error is on stderr already, which Juju logs; there is nothing more to try.
        }
    }
}
