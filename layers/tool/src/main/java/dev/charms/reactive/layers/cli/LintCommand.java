package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.lint.Lint;
import dev.charms.reactive.layers.lint.LintFinding;
import dev.charms.reactive.layers.lint.LintReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reactive lint}: checks how flags flow through a charm's handlers. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Checks how flags flow through a charm's handlers.",
            "Checks the flags of a charm's handlers without running it: handlers that can never run, flags set but"
                    + " never read, pairs of handlers that flip a flag forever, flag names one edit away from"
                    + " another (likely typos), and names computed at run time, which are reported, never guessed.",
            "Reads the handler index each jar carries (META-INF/reactive/handlers.json) and the handlers'"
                    + " bytecode. Prints one line per finding, worst first: E: (error), W: (warning) or I: (info),"
                    + " the handler, the flag, the message and the rule; then a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":no errors or warnings",
            ExitCodes.BUILD_FAILED + ":the charm or its handler index cannot be read",
            ExitCodes.USAGE + ":invalid command line",
            ExitCodes.LINT_ERRORS + ":errors: a handler can never run, or two flip a flag forever",
            ExitCodes.LINT_WARNINGS + ":warnings and no errors"})
final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CharmOptions charm;

    @Override
    public Integer call() throws IOException {
        LintReport report = Lint.check(charm.analyze());
        PrintWriter out = spec.commandLine().getOut();
        for (LintFinding finding : report.findings()) {
            out.println(finding.format());
        }
        out.println("lint: " + report.summary());
        out.flush();
        return ExitCodes.forLint(report);
    }
}
