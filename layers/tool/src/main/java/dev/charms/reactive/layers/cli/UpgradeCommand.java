package dev.charms.reactive.layers.cli;

import dev.charms.reactive.host.CommandException;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.juju.JujuCli;
import dev.charms.reactive.layers.juju.ModelStatus;
import dev.charms.reactive.layers.juju.ProcessJujuCli;
import dev.charms.reactive.layers.upgrade.ModelChecks;
import dev.charms.reactive.layers.upgrade.Polling;
import dev.charms.reactive.layers.upgrade.SeriesTarget;
import dev.charms.reactive.layers.upgrade.Target;
import dev.charms.reactive.layers.upgrade.UpgradePlanner;
import dev.charms.reactive.layers.upgrade.UpgradeRequest;
import dev.charms.reactive.plan.Approval;
import dev.charms.reactive.plan.ConsoleApproval;
import dev.charms.reactive.plan.ConsoleProgress;
import dev.charms.reactive.plan.ExecutionLog;
import dev.charms.reactive.plan.Interrupter;
import dev.charms.reactive.plan.PlanResult;
import dev.charms.reactive.plan.PlanRunner;
import dev.charms.reactive.plan.Step;
import dev.charms.reactive.plan.StepRecord;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reactive upgrade}: plans and runs the upgrade of a Juju model; see {@code docs/upgrades.md}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Plans and runs the upgrade of a Juju model, one step at a time.",
            "Refreshes applications and upgrades machines, stopping only between steps. Run it again after a stop"
                    + " or a failure: the plan is built from what the model looks like now, so it goes on where it"
                    + " stopped and never repeats a step that is done."},
        subcommands = {UpgradeCommand.Plan.class, UpgradeCommand.Run.class},
        synopsisSubcommandLabel = "(plan | run)")
final class UpgradeCommand implements Callable<Integer> {
    private static final String NOUN = "upgrade";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ReactiveCommand parent;

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: give plan or run.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code reactive upgrade plan}: checks the model and prints the plan; changes nothing. */
    @Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {
                "Checks the model, then prints the upgrade plan: the steps 'run' would take, as they stand now."
                        + " Changes nothing: it only runs `juju status` and `juju actions`."},
            footerHeading = "%nEnvironment:%n",
            footer = {"  JUJU_CLI       the juju program (default: juju on the PATH)"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                ExitCodes.OK + ":the plan was printed",
                ExitCodes.UPGRADE_FAILED + ":the model cannot be upgraded as asked, or juju failed; see the message",
                ExitCodes.USAGE + ":invalid command line"})
    static final class Plan extends Subcommand {
        @Override
        public Integer call() throws Exception {
            return session().plan();
        }
    }

    /** {@code reactive upgrade run}: checks the model, prints the plan, asks, and runs it. */
    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {
                "Checks the model, prints the upgrade plan, asks whether to start, then runs it, asking again before"
                        + " each application and each machine (unless --auto-approve). Ctrl+C (or SIGTERM) stops"
                        + " it safely: the running steps finish and nothing new starts; a second one stops the"
                        + " running steps at once."},
            footerHeading = "%nEnvironment:%n",
            footer = {"  JUJU_CLI       the juju program (default: juju on the PATH)"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                ExitCodes.OK + ":the upgrade completed, there was nothing to do, or it was not started",
                ExitCodes.UPGRADE_FAILED + ":a check or a step failed, or a step was declined; run again to go on",
                ExitCodes.USAGE + ":invalid command line",
                ExitCodes.UPGRADE_INCOMPLETE + ":steps halted waiting for the operator (such as an OS upgrade);"
                        + " do what they say, then run again",
                ExitCodes.STOPPED_BY_SIGINT + ":stopped by Ctrl+C (SIGINT); run again to go on",
                ExitCodes.STOPPED_BY_SIGTERM + ":stopped by SIGTERM; run again to go on"})
    static final class Run extends Subcommand {
        @Option(names = "--auto-approve", description = "Do not ask before starting, or before each application"
                + " and machine.")
        private boolean autoApprove;

        @Override
        public Integer call() throws Exception {
            return session().run(autoApprove);
        }
    }

    /** What {@code plan} and {@code run} share: their options and where they find the machine. */
    abstract static class Subcommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private UpgradeCommand upgrade;

        @Mixin
        private UpgradeOptions options;

        Session session() {
            return new Session(spec, upgrade.parent, options);
        }
    }

    /** The options {@code plan} and {@code run} share. */
    static final class UpgradeOptions {
        @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
                description = "The model to upgrade (default: Juju's current model).")
        String model;

        @Option(names = "--juju", paramLabel = "PATH",
                description = "The juju program (default: $JUJU_CLI, else juju on the PATH).")
        String juju;

        @Option(names = "--target", paramLabel = "APP=CHANNEL|REVISION|CHANNEL@REVISION",
                converter = TargetConverter.class,
                description = "Refresh APP to this channel, revision, or revision of a channel (db=14/stable, db=432,"
                        + " db=14/stable@432). Repeatable; applications are upgraded in this order.")
        List<Target> targets = new ArrayList<>();

        @Option(names = "--series-upgrade", paramLabel = "MACHINE=BASE", converter = SeriesTargetConverter.class,
                description = "Upgrade the base of MACHINE (1=ubuntu@24.04), after the refreshes. Repeatable.")
        List<SeriesTarget> seriesUpgrades = new ArrayList<>();

        @Option(names = "--expect-version", paramLabel = "APP=VERSION",
                description = "The workload version APP must report once refreshed (default: one version on all its"
                        + " units). Repeatable.")
        Map<String, String> expectedVersions = new LinkedHashMap<>();

        @Option(names = "--no-backup", description = "Do not run create-backup before refreshing the applications"
                + " that offer it.")
        boolean noBackup;

        @Option(names = "--log-dir", paramLabel = "DIR", description = "Where the execution log is written"
                + " (default: $XDG_DATA_HOME/reactive/log, else $HOME/.local/share/reactive/log).")
        Path logDir;

        @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "5",
                description = "Seconds between two looks at the model while waiting (default: ${DEFAULT-VALUE}).")
        long pollSeconds;

        @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "30",
                description = "How long one wait may last before the step fails (default: ${DEFAULT-VALUE}).")
        long timeoutMinutes;
    }

    /** Reads an option value with a parser that throws {@link LayerToolException}, as a usage error. */
    abstract static class Converter<T> implements CommandLine.ITypeConverter<T> {
        abstract T parse(String value);

        @Override
        public T convert(String value) {
            try {
                return parse(value);
            } catch (LayerToolException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --target}. */
    static final class TargetConverter extends Converter<Target> {
        @Override
        Target parse(String value) {
            return Target.parse(value);
        }
    }

    /** Reads {@code --series-upgrade}. */
    static final class SeriesTargetConverter extends Converter<SeriesTarget> {
        @Override
        SeriesTarget parse(String value) {
            return SeriesTarget.parse(value);
        }
    }

    /** One {@code plan} or {@code run}: its output, log, Juju and plan. */
    private static final class Session {
        private final CommandSpec spec;
        private final UpgradeHost host;
        private final Function<String, String> environment;
        private final UpgradeOptions options;
        private final PrintWriter out;
        private final PrintWriter err;

        Session(CommandSpec spec, ReactiveCommand top, UpgradeOptions options) {
            this.spec = spec;
            this.host = top.upgradeHost();
            this.environment = top.environment();
            this.options = options;
            this.out = spec.commandLine().getOut();
            this.err = spec.commandLine().getErr();
        }

        int plan() throws Exception {
            return withPlan((plan, log) -> {
                out.println("Please note that the actual upgrade steps could be different if the model changes,"
                        + " because the plan is made again when it runs.");
                return ExitCodes.OK;
            });
        }

        int run(boolean autoApprove) throws Exception {
            return withPlan((plan, log) -> {
                Interrupter interrupter = new Interrupter();
                Approval approval = autoApprove ? Approval.automatic() : new ConsoleApproval(
                        new InputStreamReader(host.stdin(), StandardCharsets.UTF_8), out, NOUN);
                PlanRunner runner = PlanRunner.builder().approval(approval).interrupter(interrupter).listener(log)
                        .listener(new ConsoleProgress(out, NOUN)).clock(host.clock()).build();
                PlanResult result;
                try (AutoCloseable signals = host.signals().install(interrupter)) {
                    result = runner.run(plan);
                }
                return report(result);
            });
        }

        /** What to do with a plan once it is made. */
        @FunctionalInterface
        private interface PlanUse {
            int use(Step plan, ExecutionLog log) throws Exception;
        }

        /**
         * Opens the log, checks the model, makes and prints the plan, and hands it to {@code use} unless there is
         * nothing to do.
         */
        private int withPlan(PlanUse use) throws Exception {
            UpgradeRequest request = new UpgradeRequest(options.targets, options.seriesUpgrades,
                    options.expectedVersions, !options.noBackup);
            if (request.targets().isEmpty() && request.seriesUpgrades().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Nothing to upgrade: give at least one --target or --series-upgrade");
            }
            Polling polling = polling();
            try (ExecutionLog log = ExecutionLog.create(logDir(), "reactive-upgrade", host.clock())) {
                say("Full execution log: '" + log.path() + "'");
                try {
                    JujuCli juju = new ProcessJujuCli(host.commands(), jujuProgram(), Optional.ofNullable(options.model),
                            (command, result) -> log.log("juju", ExecutionLog.Level.DEBUG, "`" + command + "` exited with "
                                    + result.exitCode() + "\n" + result.stdout() + result.stderr()));
                    say("Checking the model...");
                    ModelStatus status = new ModelChecks(juju, polling).check(request, this::say);
                    say("Generating the upgrade plan...");
                    Step plan = new UpgradePlanner(juju, polling).plan(status, request);
                    log.log("reactive", ExecutionLog.Level.INFO, "Plan:\n" + plan.render());
                    if (!plan.isEmpty()) {
                        out.print(plan.render());
                    }
                    if (!plan.alreadyDone().isEmpty()) {
                        say("Already done:\n  - " + String.join("\n  - ", plan.alreadyDone()));
                    }
                    if (plan.isEmpty()) {
                        say("Nothing to do: the model is already upgraded as asked.");
                        return ExitCodes.OK;
                    }
                    return use.use(plan, log);
                } catch (LayerToolException | CommandException e) {
                    log.log("reactive", ExecutionLog.Level.ERROR, e.getMessage());
                    err.println("error: " + e.getMessage());
                    err.flush();
                    return ExitCodes.UPGRADE_FAILED;
                } finally {
                    say("Full execution log: '" + log.path() + "'");
                }
            }
        }

        private int report(PlanResult result) {
            for (StepRecord failure : result.failures()) {
                err.println("error: '" + failure.step().description() + "' failed: " + failure.message());
            }
            err.flush();
            String signal = result.signal().map(Enum::name).orElse("");
            switch (result.ending()) {
                case COMPLETED:
                    if (result.halts().isEmpty()) {
                        say("Upgrade completed.");
                        return ExitCodes.OK;
                    }
                    say("Upgrade not finished: these steps are waiting for you:\n  - "
                            + String.join("\n  - ", result.halts().stream()
                                    .map(h -> h.step().description() + ": " + h.message()).toList()));
                    return ExitCodes.UPGRADE_INCOMPLETE;
                case NOT_APPROVED:
                    say("Exiting without upgrading.");
                    return ExitCodes.OK;
                case DECLINED:
                    say("Aborting plan");
                    return ExitCodes.UPGRADE_FAILED;
                case FAILED:
                    say("The steps before the failure are done; fix the problem and run the command again to go on.");
                    return ExitCodes.UPGRADE_FAILED;
                case STOPPED_SAFELY:
                    say("reactive upgrade has been stopped safely (" + signal + "): the running steps finished and"
                            + " nothing else started. Run the command again to go on.");
                    return result.signal().orElseThrow().exitCode();
                default:
                    say("reactive upgrade has been terminated without waiting (" + signal + "): interrupted "
                            + String.join(", ", result.terminated().stream()
                                    .map(t -> "'" + t.step().description() + "'").toList())
                            + ". Their work may be half done: look at `juju status` before running the command again.");
                    return result.signal().orElseThrow().exitCode();
            }
        }

        private Polling polling() {
            if (options.pollSeconds < 0 || options.timeoutMinutes < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--poll-interval must be 0 or more"
                        + " seconds and --timeout at least 1 minute, got " + options.pollSeconds + " and "
                        + options.timeoutMinutes);
            }
            return new Polling(Duration.ofSeconds(options.pollSeconds), Duration.ofMinutes(options.timeoutMinutes),
                    host.sleeper(), host.clock());
        }

        private Path logDir() {
            if (options.logDir != null) {
                return options.logDir;
            }
            String data = environment.apply("XDG_DATA_HOME");
            if (data != null && !data.isBlank()) {
                return Path.of(data, "reactive", "log");
            }
            String home = environment.apply("HOME");
            return home == null || home.isBlank() ? Path.of("reactive-log")
                    : Path.of(home, ".local", "share", "reactive", "log");
        }

        private String jujuProgram() {
            if (options.juju != null) {
                return options.juju;
            }
            String fromEnvironment = environment.apply("JUJU_CLI");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "juju" : fromEnvironment;
        }

        private void say(String line) {
            out.println(line);
            out.flush();
        }
    }
}
