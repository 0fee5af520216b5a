package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.lint.LintReport;
import dev.charms.reactive.layers.proof.Level;
import dev.charms.reactive.layers.proof.ProofReport;

/** Every exit code of {@code reactive}, in one place. They are listed in {@code reactive --help}. */
public final class ExitCodes {

    /** Done; proof found at most warnings ({@code build}) or at most infos ({@code proof}). */
    public static final int OK = 0;
    /** The build failed: a layer, option, YAML file or the output directory is at fault; see the message. */
    public static final int BUILD_FAILED = 1;
    /**
     * The upgrade failed or was refused (the same code as {@link #BUILD_FAILED}: the command did not do what was
     * asked): a check, a step or {@code juju} failed, or the operator declined a step. Running again goes on.
     */
    public static final int UPGRADE_FAILED = 1;
    /** The command line is invalid (picocli's usage error code). */
    public static final int USAGE = 2;
    /** Proof found errors: Juju would reject the charm. A build is then not installed unless forced. */
    public static final int PROOF_ERRORS = 3;
    /** {@code proof} found warnings and no errors. */
    public static final int PROOF_WARNINGS = 4;
    /** Lint found errors: a handler can never run, or two handlers flip a flag forever. */
    public static final int LINT_ERRORS = 5;
    /** {@code lint} found warnings and no errors. */
    public static final int LINT_WARNINGS = 6;
    /** The upgrade ran to its end but steps halted waiting for the operator (an OS upgrade); run it again after. */
    public static final int UPGRADE_INCOMPLETE = 7;
    /** The upgrade was stopped by SIGINT (Ctrl+C): 128 + 2. */
    public static final int STOPPED_BY_SIGINT = 130;
    /** The upgrade was stopped by SIGTERM: 128 + 15. */
    public static final int STOPPED_BY_SIGTERM = 143;
    /** A bug in reactive itself; the stack trace is printed. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }

    /** The exit code of {@code reactive proof} for {@code report}: errors, else warnings, else OK. */
    public static int forProof(ProofReport report) {
        if (report.count(Level.ERROR) > 0) {
            return PROOF_ERRORS;
        }
        return report.count(Level.WARNING) > 0 ? PROOF_WARNINGS : OK;
    }

    /** The exit code of {@code reactive lint} for {@code report}: errors, else warnings, else OK. */
    public static int forLint(LintReport report) {
        if (report.count(Level.ERROR) > 0) {
            return LINT_ERRORS;
        }
        return report.count(Level.WARNING) > 0 ? LINT_WARNINGS : OK;
    }
}
