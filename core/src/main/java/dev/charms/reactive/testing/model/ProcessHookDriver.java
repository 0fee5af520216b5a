package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.juju.stubtools.StubHookTools;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.StateFile;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link HookDriver} that runs each hook as Juju does: the built charm's real {@code dispatch} script in a fresh
 * process, in the unit's own charm directory, with stub hook tools ({@link StubHookTools}) that answer from the
 * model's view of the hook. The same scenario gives the same hooks, handlers, flags, statuses and relation data as
 * {@link HookDriver#inProcess()}, but proves the built artifact: its dispatch script, bootstrap, class path,
 * generated handler index, YAML files and the runtime's hook tool calls.
 * <pre>{@code
 * Charm hello = Charm.of(HelloCharm.class).configYaml(configYaml);
 * Model model = new Model(ProcessHookDriver.builder()
 *         .charm(hello, Path.of("target/charm/hello.charm"))
 *         .workDirectory(tempDir)
 *         .build());
 * model.deploy("hello", hello, 3);
 * }</pre>
 *
 * <h2>Per unit</h2>
 * Each unit gets a copy of its charm under {@code <work>/units/<app>-<n>/charm}, made at its {@code install} hook
 * and kept across its hooks, since the runtime keeps its state in {@code .reactive/} there (the bootstrap marker
 * and class-data-sharing archive too: the first hook of each unit bootstraps, as on a real machine). When the
 * model runs a unit's hook with a charm registered to another build (a refresh), the charm's files are replaced and
 * {@code .reactive/} kept, as {@code juju refresh} does. Before every hook the unit state the model holds
 * ({@link HookRequest#state()}) is written to {@code .reactive/state.json}, and after it the state is read back
 * from there, so both drivers agree even if the model changed the state between hooks.
 *
 * <h2>Per machine</h2>
 * The hooks never touch the test machine's packages, services or system files: each machine of the model is
 * simulated under {@code <work>/machines/<id>/} (a subordinate unit shares its principal's), as
 * {@link dev.charms.reactive.testing.SimulatedHost} simulates a machine in process. {@code root/} stands
 * for its {@code /}: the runtime's {@code Files} write there ({@code REACTIVE_FILES_ROOT}); {@link #machineRoot}
 * gives it. {@code apt-get} and {@code systemctl} are scripts on the hooks' {@code PATH} that succeed, record their
 * command lines ({@link #hostCommands}) and keep which services run and are enabled, so {@code systemctl is-active}
 * and {@code is-enabled} answer as on a real machine, and {@link #reboot} leaves exactly the enabled ones running.
 *
 * <h2>Per hook</h2>
 * The unit's stub tools ({@code <work>/units/<app>-<n>/tools/}) start each hook with an empty state, filled from
 * the backend (see {@link StubToolsBridge}); afterwards that state ({@code calls.log}, {@code juju-log.log}...)
 * moves, with the process's {@code stdout} and {@code stderr}, to {@code <work>/units/<app>-<n>/hooks/<seq>-<hook>/}
 * for inspection. {@code dispatch} runs with the working directory the charm directory and only these
 * variables: the {@code JUJU_*} ones Juju would set that the request determines ({@link HookRequest#environment}:
 * the dispatch path, hook or action name, unit, machine, charm directory, relation, remote unit and application,
 * departing unit, principal unit), {@code JUJU_CONTEXT_ID}, {@code JUJU_MODEL_NAME} ({@code simulated}),
 * {@code JUJU_MODEL_UUID}, {@code JUJU_VERSION} ({@code 3.6.0}) and for an action {@code JUJU_ACTION_UUID};
 * {@code PATH} (the stub tools, then the directories given to {@link Builder#path}, then the machine's host
 * commands, then this JVM's {@code PATH}), {@code STUB_STATE_DIR}, {@code REACTIVE_FILES_ROOT},
 * {@code SIMULATED_HOST_DIR}; {@code REACTIVE_JAVA} (this JVM's {@code java} unless {@link Builder#java} says
 * otherwise, so the bootstrap finds Java without apt); and those given to {@link Builder#environment}. Afterwards
 * the tools' records are replayed on the backend, and the handlers invoked are read from the runtime's
 * {@code Invoking reactive handler: <name>} INFO lines (the lines charms.reactive writes too; a handler logging
 * such a line itself would be counted).
 *
 * <h2>Failures</h2>
 * A non-zero exit, a hook running longer than {@link Builder#timeout}, or a flag loop that hit the iteration cap
 * (which the production runtime only warns about; the in-process driver fails) throws {@link ModelHookFailed}
 * naming the unit, the hook, the exit code, the hook's stderr and log, and its directory; the model keeps the old
 * state. An action whose process exits non-zero throws a {@link HookFailedException} instead, with the handler and
 * cause the runtime printed, so that the model fails the action as it does in process. Nothing a failed hook's or
 * action's tools recorded reaches the model.
 *
 * <p>Needs {@code sh} and {@code awk} (the stubs) and Java 17 or later. Not thread-safe; use one driver per model.
 */
public final class ProcessHookDriver implements HookDriver {
    private static final String STATE_DIRECTORY = ".reactive";
    /** What {@link #dispatch} returns for a process killed at the timeout; exit codes are 0 to 255. */
    private static final int TIMED_OUT = -1;

    private final Map<Charm, Path> builds;
    private final Path workDirectory;
    private final Map<String, String> environment;
    private final List<Path> path;
    private final Path java;
    private final Duration timeout;
    private final Map<Path, Path> unpacked = new HashMap<>();
    private final Map<String, Path> unitSources = new HashMap<>();
    private final Map<String, StubHookTools> unitTools = new HashMap<>();
    private final Map<String, SimulatedMachine> machines = new HashMap<>();
    private int sequence;

    private ProcessHookDriver(Builder builder) {
        this.builds = new IdentityHashMap<>(builder.builds);
        this.workDirectory = builder.workDirectory.toAbsolutePath();
        this.environment = Map.copyOf(builder.environment);
        this.path = List.copyOf(builder.path);
        this.java = builder.java;
        this.timeout = builder.timeout;
    }

    /** A builder: register at least one charm with {@link Builder#charm} and set {@link Builder#workDirectory}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link ProcessHookDriver}. */
    public static final class Builder {
        private final Map<Charm, Path> builds = new IdentityHashMap<>();
        private Path workDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<Path> path = new ArrayList<>();
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private Duration timeout = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * The built form of {@code charm} (the very instance given to {@link Model#deploy}): a charm directory such
         * as {@code target/charm/hello}, or a {@code .charm} archive, unpacked once into the work directory.
         *
         * @throws IllegalArgumentException if {@code built} holds no {@code dispatch} (a directory) or is no file
         */
        public Builder charm(Charm charm, Path built) {
            Objects.requireNonNull(charm, "charm");
            boolean directory = Files.isDirectory(built);
            if (directory ? !Files.isRegularFile(built.resolve("dispatch")) : !Files.isRegularFile(built)) {
                throw new IllegalArgumentException(built + (directory ? " has no dispatch script; is it a charm"
                        + " built with reactive build (or mvn package)?" : " does not exist; build the charm first"
                        + " (mvn package writes target/charm/<name>.charm)"));
            }
            builds.put(charm, built.toAbsolutePath().normalize());
            return this;
        }

        /** Where the driver unpacks charms and keeps each unit's charm directory and each hook's tools; required. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Adds a variable to every hook's environment, e.g. a path a charm under test reads. */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Puts {@code directory} on every hook's {@code PATH}, after the stub hook tools and before the simulated
         * machine's commands and this JVM's {@code PATH}: for other commands the charm runs, or to replace the
         * simulated {@code apt-get} or {@code systemctl}.
         */
        public Builder path(Path directory) {
            path.add(directory.toAbsolutePath());
            return this;
        }

        /** The {@code java} the dispatch script tries first ({@code REACTIVE_JAVA}); default this JVM's. */
        public Builder java(Path javaBinary) {
            this.java = javaBinary.toAbsolutePath();
            return this;
        }

        /** How long one hook may run, bootstrap included; default 2 minutes. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The driver.
         *
         * @throws IllegalStateException if no charm or no work directory was given
         */
        public ProcessHookDriver build() {
            if (builds.isEmpty()) {
                throw new IllegalStateException("register the built form of each charm the model deploys:"
                        + " ProcessHookDriver.builder().charm(charm, Path.of(\"target/charm/<name>.charm\"))");
            }
            if (workDirectory == null) {
                throw new IllegalStateException("give the driver a work directory, e.g. a JUnit @TempDir:"
                        + " ProcessHookDriver.builder().workDirectory(tempDir)");
            }
            return new ProcessHookDriver(this);
        }
    }

    /**
     * The charm directory of the unit, e.g. {@code <work>/units/hello-0/charm}, where its {@code .reactive/} lives.
     * It exists once the unit ran a hook.
     */
    public Path charmDirectory(String unit) {
        return unitHome(unit).resolve("charm");
    }

    /**
     * The directory standing for {@code /} on the machine (an id such as {@code 0}, {@link SimulatedUnit#machine()}),
     * {@code <work>/machines/<id>/root}: where the charm's {@code Files} write (the runtime takes it as root from
     * {@code REACTIVE_FILES_ROOT}).
     */
    public Path machineRoot(String machine) {
        return machine(machine).root();
    }

    /**
     * The host commands ({@code apt-get}, {@code systemctl}) the hooks of the machine's units ran there, in order, as
     * {@code systemctl enable --now hello}: what {@code SimulatedHost.commands()} gives in process.
     */
    public List<String> hostCommands(String machine) {
        return machine(machine).commands();
    }

    /**
     * The machine restarts, as {@code SimulatedHost.reboot()}: afterwards exactly the services enabled there run.
     * Records no command; runs no hook.
     */
    public void reboot(String machine) {
        machine(machine).reboot();
    }

    private SimulatedMachine machine(String machine) {
        return machines.computeIfAbsent(machine,
                id -> SimulatedMachine.create(workDirectory.resolve("machines").resolve(id)));
    }

    @Override
    public HookOutcome run(HookRequest request, InMemoryJujuBackend backend) {
        Path charmDir = prepareCharmDirectory(request);
        StubHookTools tools = unitTools.computeIfAbsent(request.unit(),
                unit -> StubHookTools.install(unitHome(unit).resolve("tools"), unit));
        Path hookDir = unitHome(request.unit()).resolve("hooks").resolve(String.format("%04d-%s", ++sequence,
                request.hook()));
        try {
            Files.createDirectories(hookDir);
            StubToolsBridge bridge = StubToolsBridge.materialise(request, backend, tools);
            Path stateFile = charmDir.resolve(STATE_DIRECTORY).resolve("state.json");
            JsonObject state = request.state();
            state.addProperty(StateFile.FORMAT_KEY, StateFile.FORMAT_VERSION);
            Files.writeString(stateFile, state.toString());
            int exitCode = dispatch(request, charmDir, hookDir, environment(request, tools, charmDir));
            List<LogLine> log = JujuLogLines.of(tools.jujuLog());
            if (exitCode == TIMED_OUT) {
                throw failure(request, hookDir, "dispatch did not finish within " + timeout.toSeconds()
                        + " s (ProcessHookDriver.Builder.timeout) and was killed", log);
            }
            if (exitCode != 0 && request.action().isPresent()) {
                throw actionFailure(request, hookDir, exitCode, log);
            }
            if (exitCode != 0) {
                throw failure(request, hookDir, "dispatch exited with " + exitCode, log);
            }
            Optional<String> cap = JujuLogLines.iterationCapWarning(log);
            if (cap.isPresent()) {
                throw failure(request, hookDir, cap.get(), log);
            }
            bridge.apply(log);
            return new HookOutcome(request.hook(), StateFile.at(stateFile).read(), JujuLogLines.invoked(log), log,
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare hook " + request.hook() + " of " + request.unit() + " in "
                    + hookDir + ": " + e, e);
        } finally {
            keep(tools, hookDir);
        }
    }

    /** Moves what the hook's tools wrote into the hook's directory, leaving them an empty state for the next. */
    private static void keep(StubHookTools tools, Path hookDir) {
        try {
            Files.move(tools.stateDirectory(), hookDir.resolve("state"));
            Files.createDirectory(tools.stateDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the tools' records of the hook in " + hookDir + ": " + e, e);
        }
    }

    private Path unitHome(String unit) {
        UnitName name = UnitName.parse(unit);
        return workDirectory.resolve("units").resolve(name.application() + "-" + name.number());
    }

    /** The unit's charm directory, fresh at install, its files replaced when the charm's build changed. */
    private Path prepareCharmDirectory(HookRequest request) {
        Path source = source(request);
        Path charmDir = charmDirectory(request.unit());
        Path current = unitSources.get(request.unit());
        if (current == null || request.hook().equals("install")) {
            BuiltCharmFiles.delete(charmDir);
            BuiltCharmFiles.copy(source, charmDir);
        } else if (!current.equals(source)) {
            BuiltCharmFiles.deleteAllBut(charmDir, STATE_DIRECTORY);
            BuiltCharmFiles.copy(source, charmDir);
        }
        unitSources.put(request.unit(), source);
        Path state = charmDir.resolve(STATE_DIRECTORY);
        if (!Files.isDirectory(state)) {
            try {
                Files.createDirectory(state, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + state + ": " + e, e);
            }
        }
        return charmDir;
    }

    /** The charm directory to copy for the request's charm: the registered directory, or its archive unpacked. */
    private Path source(HookRequest request) {
        Path built = builds.get(request.charm());
        if (built == null) {
            throw new IllegalStateException("no built charm registered for the charm of unit " + request.unit()
                    + "; register the Charm instance given to the model: ProcessHookDriver.builder().charm(charm,"
                    + " Path.of(\"target/charm/<name>.charm\"))");
        }
        if (Files.isDirectory(built)) {
            return built;
        }
        return unpacked.computeIfAbsent(built, archive -> {
            Path target = workDirectory.resolve("charms").resolve(unpacked.size() + "-" + archive.getFileName());
            BuiltCharmFiles.delete(target);
            BuiltCharmFiles.unpack(archive, target);
            return target;
        });
    }

    private Map<String, String> environment(HookRequest request, StubHookTools tools, Path charmDir) {
        Map<String, String> env = new LinkedHashMap<>(tools.environment());
        SimulatedMachine machine = machine(request.machine());
        String system = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        env.put("PATH", tools.binDirectory() + path.stream().map(p -> File.pathSeparator + p)
                .collect(Collectors.joining()) + File.pathSeparator + machine.bin() + File.pathSeparator + system);
        env.putAll(machine.environment());
        env.putAll(request.environment(charmDir));
        env.put("JUJU_CONTEXT_ID", request.unit() + "-" + request.hook() + "-" + sequence);
        env.put("JUJU_MODEL_NAME", "simulated");
        env.put("JUJU_MODEL_UUID", "00000000-0000-4000-8000-000000000000");
        env.put("JUJU_VERSION", "3.6.0");
        if (request.action().isPresent()) {
            env.put("JUJU_ACTION_UUID", new UUID(0, sequence).toString());
        }
        env.put("REACTIVE_JAVA", java.toString());
        env.putAll(environment);
        return env;
    }

    /** Runs dispatch; its exit code, or {@link #TIMED_OUT}. */
    private int dispatch(HookRequest request, Path charmDir, Path hookDir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(charmDir.resolve("dispatch").toString())
                .directory(charmDir.toFile())
                .redirectOutput(hookDir.resolve("stdout").toFile())
                .redirectError(hookDir.resolve("stderr").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return TIMED_OUT;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + charmDir.resolve("dispatch") + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + request.unit() + " ran " + request.hook(), e);
        }
    }

    /**
     * A failed action, as the in-process driver reports it so that the model fails the action and not the model: the
     * handler and cause as the runtime printed them ({@code hook <action> failed in handler <name>: <cause>}), the
     * log and the handlers invoked.
     */
    private static HookFailedException actionFailure(HookRequest request, Path hookDir, int exitCode, List<LogLine> log) {
        String stderr = stderr(hookDir);
        String details = "dispatch exited with " + exitCode + "; its stderr, tools' calls.log and output are in " + hookDir;
        Matcher printed = Pattern.compile("(?s)(?:^|.*\\n)hook " + Pattern.quote(request.hook())
                + " failed(?: in handler (\\S+))?: (.*)").matcher(stderr);
        boolean matched = printed.matches();
        return new HookFailedException(request.hook(), matched ? printed.group(1) : null,
                new DispatchFailure(matched ? printed.group(2) : details + ": " + stderr, details), log,
                JujuLogLines.invoked(log));
    }

    /**
     * Why a hook process failed: {@link #toString()} is the cause as the runtime printed it (e.g.
     * {@code java.lang.IllegalStateException: boom}), so that the failure reads as it does in process; the message
     * says where the process's records are.
     */
    private static final class DispatchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String printed;

        private DispatchFailure(String printed, String details) {
            super(details, null, false, false);
            this.printed = printed;
        }

        @Override
        public String toString() {
            return printed;
        }
    }

    private static String stderr(Path hookDir) {
        try {
            return Files.readString(hookDir.resolve("stderr")).strip();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static ModelHookFailed failure(HookRequest request, Path hookDir, String why, List<LogLine> log) {
        String stderr = stderr(hookDir);
        return new ModelHookFailed("hook " + request.hook() + " failed on unit " + request.unit() + ": " + why
                + "\n--- stderr of " + request.unit() + " " + request.hook() + " ---\n" + stderr
                + "\n--- log of " + request.unit() + " " + request.hook() + " ---\n"
                + log.stream().map(LogLine::toString).collect(Collectors.joining("\n"))
                + "\n--- the hook's tools, calls.log and output: " + hookDir + " ---", null);
    }
}
