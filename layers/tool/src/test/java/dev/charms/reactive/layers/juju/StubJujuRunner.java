package dev.charms.reactive.layers.juju;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs {@code juju} commands on the {@link StubJuju} in this JVM: the same effects as the stub program, without a
 * process per call. Before each call it tells {@code beforeEachCall} the call (without the program), which a test
 * uses to send a signal in the middle of a step.
 */
public final class StubJujuRunner implements CommandRunner {
    private final Path directory;
    private final Consumer<Command> beforeEachCall;

    public StubJujuRunner(Path directory, Consumer<Command> beforeEachCall) {
        this.directory = directory;
        this.beforeEachCall = beforeEachCall;
    }

    @Override
    public CommandResult run(Command command) {
        beforeEachCall.accept(command);
        StubJuju.Reply reply = StubJuju.handle(directory, command.arguments());
        return new CommandResult(command, reply.exitCode(), reply.stdout(), reply.stderr());
    }
}
