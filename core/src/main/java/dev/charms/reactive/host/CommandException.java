package dev.charms.reactive.host;

import java.util.List;

/**
 * A command could not be started, did not finish in time, or failed where failure was not expected. The
 * message names the command and says why; {@link #stderr()} holds what the command printed.
 */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> argv;
    private final int exitCode;
    private final String stderr;

    /**
     * @param command the command at fault
     * @param exitCode its exit code, or -1 when it was not started or was killed
     * @param stderr what it printed on standard error, possibly empty
     * @param message the whole message, for people
     */
    public CommandException(Command command, int exitCode, String stderr, String message) {
        super(message);
        this.argv = command.argv();
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** The command's argument vector, program first; never null. */
    public List<String> argv() {
        return argv;
    }

    /** Its exit code; -1 when it could not be started or was killed after a timeout. */
    public int exitCode() {
        return exitCode;
    }

    /** What it wrote to standard error; never null, empty when it never ran. */
    public String stderr() {
        return stderr;
    }
}
