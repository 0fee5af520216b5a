package dev.charms.reactive.layers.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command, {@code reactive}: lists its subcommands and the exit codes they share. */
@Command(name = "reactive", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Starts charm projects, builds Juju charms from layers, checks them against Juju's rules,"
                + " draws and checks how flags flow through their handlers, and upgrades models.",
        subcommands = {InitCommand.class, BuildCommand.class, ProofCommand.class, GraphCommand.class,
            LintCommand.class, UpgradeCommand.class, HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":done (build: no proof or lint errors; proof, lint: nothing worse than info)",
            ExitCodes.BUILD_FAILED + ":the build failed: a layer, option, YAML file or the output is at fault;"
                    + " upgrade: a check or a step failed",
            ExitCodes.USAGE + ":invalid command line",
            ExitCodes.PROOF_ERRORS + ":proof found errors (build: the charm was not installed unless --force)",
            ExitCodes.PROOF_WARNINGS + ":proof found warnings and no errors (proof only)",
            ExitCodes.LINT_ERRORS + ":lint found errors (build: the charm was not installed unless --force)",
            ExitCodes.LINT_WARNINGS + ":lint found warnings and no errors (lint only)",
            ExitCodes.UPGRADE_INCOMPLETE + ":upgrade: steps wait for the operator; run it again after",
            ExitCodes.INTERNAL_ERROR + ":internal error in reactive (a bug; the stack trace is printed)",
            ExitCodes.STOPPED_BY_SIGINT + ":upgrade: stopped by Ctrl+C (SIGINT); run it again to go on",
            ExitCodes.STOPPED_BY_SIGTERM + ":upgrade: stopped by SIGTERM; run it again to go on"})
public final class ReactiveCommand implements Callable<Integer> {

    private final Function<String, String> environment;
    private final UpgradeHost upgradeHost;

    @Spec
    private CommandSpec spec;

    /**
     * @param environment looks up environment variables (null when unset); {@code System::getenv} in main
     * @param upgradeHost what {@code reactive upgrade} takes from the machine: {@link UpgradeHost#system()} in main
     */
    public ReactiveCommand(Function<String, String> environment, UpgradeHost upgradeHost) {
        this.environment = environment;
        this.upgradeHost = upgradeHost;
    }

    /**
     * The command line on the real machine ({@link UpgradeHost#system()}), configured with the exception mapper.
     *
     * @param environment looks up environment variables (null when unset)
     */
    public static CommandLine commandLine(Function<String, String> environment) {
        return commandLine(environment, UpgradeHost.system());
    }

    /**
     * The command line, configured with the exception mapper. {@code main} and tests run exactly this.
     *
     * @param environment looks up environment variables (null when unset)
     * @param upgradeHost what {@code reactive upgrade} takes from the machine
     */
    public static CommandLine commandLine(Function<String, String> environment, UpgradeHost upgradeHost) {
        ExceptionMapper mapper = new ExceptionMapper();
        return new CommandLine(new ReactiveCommand(environment, upgradeHost))
                .setExecutionExceptionHandler(mapper)
                .setParameterExceptionHandler(mapper);
    }

    /** The environment the subcommands read (search path, output directory, SOURCE_DATE_EPOCH). */
    Function<String, String> environment() {
        return environment;
    }

    /** The machine {@code reactive upgrade} runs on. */
    UpgradeHost upgradeHost() {
        return upgradeHost;
    }

    /** Without a subcommand: prints the usage to stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: give init, build, proof, graph, lint, upgrade or help.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
