package dev.charms.reactive.layers.juju;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs each command in a session of its own ({@code setsid --wait <command>}), outside the terminal's process
 * group. A Ctrl+C at the terminal then reaches {@code reactive upgrade} alone, which lets the {@code juju} command
 * it is waiting for finish (the safe stop), instead of killing that command halfway. The second Ctrl+C still
 * stops it: the runner kills a command whose thread is interrupted.
 */
public final class NewSessionCommandRunner implements CommandRunner {
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final CommandRunner runner;
    private final Path setsid;

    /** Runs commands through {@code runner}, each started by the {@code setsid} program at {@code setsid}. */
    public NewSessionCommandRunner(CommandRunner runner, Path setsid) {
        this.runner = runner;
        this.setsid = setsid;
    }

    /** {@code runner} wrapped so, when {@code setsid} (util-linux) is installed; else {@code runner} itself. */
    public static CommandRunner wrapIfPossible(CommandRunner runner) {
        Optional<Path> found = SETSID.stream().filter(Files::isExecutable).findFirst();
        return found.<CommandRunner>map(path -> new NewSessionCommandRunner(runner, path)).orElse(runner);
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = new ArrayList<>(List.of(setsid.toString(), "--wait"));
        argv.addAll(command.argv());
        CommandResult result = runner.run(new Command(argv, command.environment(), command.stdin()));
        return new CommandResult(command, result.exitCode(), result.stdout(), result.stderr());
    }
}
