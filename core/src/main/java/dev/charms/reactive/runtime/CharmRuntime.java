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
import dev.charms.reactive.state.StateFile;
import dev.charms.reactive.state.UnitState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * One hook or action, from the process environment to the committed state and the exit code: what
 * {@link dev.charms.reactive.Main} runs.
 *
 * <ol>
 *   <li>reads the hook environment ({@link HookEnvironment}); a missing or malformed variable is reported on
 *       stderr (and with {@code juju-log} when Juju's context is there) naming the variable, exit 1;</li>
 *   <li>reads {@code metadata.yaml}, {@code config.yaml} and {@code actions.yaml} from {@code JUJU_CHARM_DIR}
 *       ({@link CharmFiles}) and discovers the handlers ({@link HandlerDiscovery}; its warnings go to the log);</li>
 *   <li>reads the unit state from {@code <charm dir>/.reactive/state.json} ({@link StateFile});</li>
 *   <li>runs the hook, or the action for {@code actions/<name>}, with {@link HookRunner} over
 *       {@link ProcessJujuBackend#forHook} (log lines batched), with {@link HookEnvironment}, {@link Services},
 *       {@link Apt} and {@link Files} injectable (commands run over the hook's environment, with no timeout; files
 *       under {@link #FILES_ROOT} when that is set);</li>
 *   <li>on success, creates {@code .reactive} (mode 0700) if needed and commits the new state, exit 0;</li>
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
            Training.run(loader);
            return OK;
        }
        if (!args.isEmpty()) {
            err.println("usage: java dev.charms.reactive.Main [" + TRAIN + "]\n"
                    + "Runs the hook or action named by JUJU_DISPATCH_PATH; " + TRAIN
                    + " runs a sample hook in memory to record a class-data-sharing archive. Unexpected: "
                    + String.join(" ", args));
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
        try {
            return run(hook, environment, backend, err, loader);
        } finally {
            try {
                backend.flushLog();
            } catch (RuntimeException e) {
                err.println("cannot send the hook's log to juju-log: " + e.getMessage());
            }
        }
    }

    private static int run(HookEnvironment hook, Map<String, String> environment, JujuBackend backend,
            PrintStream err, ClassLoader loader) {
        try {
            Path charmDir = hook.charmDir();
            CharmFiles files = CharmFiles.read(charmDir);
            String name = hook.hookName(files.endpoints()).name();
            CommandRunner commands = new ProcessCommandRunner(environment);
            HandlerSet handlers = HandlerSet.of(HandlerDiscovery.discover(loader,
                    warning -> backend.log(LogLevel.WARNING, warning)));
            HookRunner.Builder builder = HookRunner.builder(handlers);
            EndpointSupport.of(handlers, files.relations(), EndpointEnvironment.of(hook)).install(builder);
            HookRunner runner = builder
                    .relations(files.relations())
                    .configOptions(files.configOptions())
                    .actions(files.actions())
                    .files(FileDigests.under(charmDir))
                    .service(HookEnvironment.class, () -> hook)
                    .service(Services.class, () -> new Services(commands))
                    .service(Apt.class, () -> new Apt(commands))
                    .service(Files.class, () -> files(environment))
                    .build();
            StateFile stateFile = StateFile.at(charmDir.resolve(".reactive").resolve("state.json"));
            JsonObject state = stateFile.read();
            HookOutcome outcome = hook.isAction() ? runner.runAction(backend, name, state)
                    : runner.run(backend, name, state);
            createPrivateDirectory(stateFile.path().getParent());
            stateFile.write(outcome.state());
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

    private static void createPrivateDirectory(Path directory) {
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
