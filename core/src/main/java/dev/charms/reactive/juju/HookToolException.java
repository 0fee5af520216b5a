package dev.charms.reactive.juju;

import java.util.List;

/**
 * A hook tool failed. Carries the tool, its arguments, exit code and standard error, so the log line says
 * exactly what Juju refused.
 */
public class HookToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String tool;
    private final List<String> arguments;
    private final int exitCode;
    private final String stderr;

    public HookToolException(String tool, List<String> arguments, int exitCode, String stderr) {
        this(tool, arguments, exitCode, stderr, tool + " " + String.join(" ", arguments) + " failed with exit code "
                + exitCode + (stderr.isBlank() ? "" : ": " + stderr.strip()));
    }

    /**
     * For failures that are not a plain non-zero exit (the tool is missing, timed out, or printed output
     * that cannot be read), with a message that says so.
     *
     * @param message the whole message, for people
     */
    public HookToolException(String tool, List<String> arguments, int exitCode, String stderr, String message) {
        super(message);
        this.tool = tool;
        this.arguments = List.copyOf(arguments);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** The tool's name, e.g. {@code relation-set}. */
    public String tool() {
        return tool;
    }

    /** The arguments it was given, never null. */
    public List<String> arguments() {
        return arguments;
    }

    /** Its exit code; -1 when it could not be started. */
    public int exitCode() {
        return exitCode;
    }

    /** What it wrote to standard error, never null. */
    public String stderr() {
        return stderr;
    }
}
