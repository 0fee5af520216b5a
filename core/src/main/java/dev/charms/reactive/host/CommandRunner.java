package dev.charms.reactive.host;

/**
 * Runs one command and reports how it ended. The production implementation is {@link ProcessCommandRunner};
 * tests pass their own, or put stub programs first on the {@code PATH} the runner was given.
 *
 * <p>A command that runs and fails is not an exception here: the caller reads {@link CommandResult#exitCode()}
 * (for {@code systemctl is-active} a non-zero exit is an answer, not an error).
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code command} to completion.
     *
     * @return its exit code and output; never null
     * @throws CommandNotFoundException if the program is not on the {@code PATH}
     * @throws CommandException if the program cannot be started, or does not finish in time
     */
    CommandResult run(Command command);
}
