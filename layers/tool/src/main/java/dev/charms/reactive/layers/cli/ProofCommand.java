package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.proof.Finding;
import dev.charms.reactive.layers.proof.Proof;
import dev.charms.reactive.layers.proof.ProofReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reactive proof}: checks a built charm directory. */
@Command(name = "proof", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Checks a built charm directory against the rules Juju applies when it reads a charm: its metadata,"
                    + " config, actions, manifest, dispatch and hooks.",
            "Prints one line per finding, worst first: E: (error), W: (warning) or I: (info), the file, the key"
                    + " and the message; then a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":no errors or warnings",
            ExitCodes.USAGE + ":invalid command line",
            ExitCodes.PROOF_ERRORS + ":errors: Juju would reject the charm",
            ExitCodes.PROOF_WARNINGS + ":warnings and no errors"})
final class ProofCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "CHARM_DIR",
            description = "The built charm directory (default: the current directory).")
    private Path charmDir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(charmDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "CHARM_DIR " + charmDir
                    + ": no such directory");
        }
        ProofReport report = Proof.check(charmDir);
        PrintWriter out = spec.commandLine().getOut();
        for (Finding finding : report.findings()) {
            out.println(finding.format());
        }
        out.println(charmDir + ": " + report.summary());
        out.flush();
        return ExitCodes.forProof(report);
    }
}
