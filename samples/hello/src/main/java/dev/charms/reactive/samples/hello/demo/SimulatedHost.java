package dev.charms.reactive.samples.hello.demo;

import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A machine in memory, for handlers that take {@link Apt}, {@link Services} or {@link Files}: pass it to
 * {@code Harness.resolver(...)}. Every command succeeds and is recorded; {@code systemctl} keeps track of which
 * services run, so {@code is-active} answers as a real machine would. Files are real files: give the charm a
 * temporary path to write to. Not thread-safe.
 */
public final class SimulatedHost implements CommandRunner, ParameterResolver {
    private static final Set<Class<?>> TYPES = Set.of(Apt.class, Services.class, Files.class);

    private final List<Command> commands = new ArrayList<>();
    private final Set<String> running = new TreeSet<>();
    private int taken;

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        List<String> argv = command.argv();
        if (!command.program().equals("systemctl")) {
            return new CommandResult(command, 0, "", "");
        }
        String verb = argv.get(1);
        String unit = argv.get(argv.size() - 1);
        boolean now = argv.contains("--now");
        switch (verb) {
            case "start", "restart" -> running.add(unit);
            case "stop" -> running.remove(unit);
            case "enable" -> {
                if (now) {
                    running.add(unit);
                }
            }
            case "disable" -> {
                if (now) {
                    running.remove(unit);
                }
            }
            case "is-active" -> {
                return new CommandResult(command, running.contains(unit) ? 0 : 3, "", "");
            }
            default -> {
                // is-enabled, reload: nothing to track.
            }
        }
        return new CommandResult(command, 0, "", "");
    }

    /** Every command run so far, in order, as shell-like text ({@code systemctl enable --now hello}). */
    public List<String> commands() {
        return commands.stream().map(Command::toString).toList();
    }

    /** The commands run since the last call (or since the start), in order. */
    public List<String> takeCommands() {
        List<String> since = commands().subList(taken, commands.size());
        taken = commands.size();
        return since;
    }

    /** Whether {@code unit} runs now. */
    public boolean isRunning(String unit) {
        return running.contains(unit);
    }

    /** The service dies, as if it crashed: {@code is-active} now says no. */
    public void crash(String unit) {
        running.remove(unit);
    }

    @Override
    public boolean supports(Class<?> type) {
        return TYPES.contains(type);
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        if (type == Apt.class) {
            return new Apt(this);
        }
        if (type == Services.class) {
            return new Services(this);
        }
        return new Files();
    }
}
