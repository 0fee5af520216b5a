package dev.charms.reactive.host;

import java.util.Objects;

/**
 * How a command ended: its exit code and everything it wrote.
 *
 * @param command the command that ran; never null
 * @param exitCode its exit code (0 for success)
 * @param stdout what it wrote to standard output, decoded as UTF-8; never null
 * @param stderr what it wrote to standard error, decoded as UTF-8; never null
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {

    /** Checks the parts. */
    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** True when the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * This result if the command succeeded, else a {@link CommandException} whose message starts with
     * {@code what} (say which unit, package or file was being worked on) and ends with the command's stderr.
     */
    public CommandResult orThrow(String what) {
        if (succeeded()) {
            return this;
        }
        throw new CommandException(command, exitCode, stderr,
                what + ": `" + command + "` exited with " + exitCode + stderrSuffix(stderr));
    }

    static String stderrSuffix(String stderr) {
        return stderr.isBlank() ? " and printed nothing on stderr" : ": " + stderr.strip();
    }
}
