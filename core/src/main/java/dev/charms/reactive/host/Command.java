package dev.charms.reactive.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command to run: its argument vector (no shell ever sees it), extra environment variables, and what to
 * write to its standard input.
 *
 * <pre>{@code
 * Command.of("apt-get", "update").withEnvironment(Map.of("DEBIAN_FRONTEND", "noninteractive"))
 * }</pre>
 *
 * @param argv the program (found on the runner's {@code PATH} unless it contains a slash) and its arguments;
 *     never empty
 * @param environment variables added to, or replacing, the runner's environment for this command only;
 *     never null
 * @param stdin written to the command's standard input, which is then closed; empty for none
 */
public record Command(List<String> argv, Map<String, String> environment, String stdin) {

    /** Checks and copies the parts. */
    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("a command needs a program name, got " + argv);
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stdin, "stdin");
    }

    /** A command with no extra environment and empty standard input. */
    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** A command with no extra environment and empty standard input. */
    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), "");
    }

    /** This command with {@code variables} added to the ones it already sets. */
    public Command withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(variables);
        return new Command(argv, merged, stdin);
    }

    /** This command with {@code input} as its standard input. */
    public Command withStdin(String input) {
        return new Command(argv, environment, input);
    }

    /** The program: the first element of {@link #argv()}. */
    public String program() {
        return argv.get(0);
    }

    /** The arguments after the program. */
    public List<String> arguments() {
        return argv.subList(1, argv.size());
    }

    /** The command line as a person would type it, for messages; not meant to be run by a shell. */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
