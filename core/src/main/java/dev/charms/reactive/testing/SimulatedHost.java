package dev.charms.reactive.testing;

import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A machine in memory, for handlers that take {@link Apt}, {@link Services} or {@link Files}: give it to
 * {@link Harness#resolver}, or to {@link dev.charms.reactive.testing.model.HookDriver#inProcess(java.util.function.Function)}
 * with one host per unit. Every command succeeds and is recorded. {@code systemctl} keeps track of which services
 * run and which are enabled, so {@code is-active} and {@code is-enabled} answer as a real machine would, and
 * {@link #reboot()} starts exactly the enabled ones. Files are real files under a directory that stands for the
 * machine's {@code /} ({@link Files#under}). Not thread-safe.
 * <pre>{@code
 * SimulatedHost host = new SimulatedHost(tempDir);
 * Result install = Harness.of(HelloCharm.class).resolver(host).hook("install").run();
 * assertThat(host.takeCommands()).containsExactly("apt-get ... install hello", "systemctl enable --now hello");
 * assertThat(Files.readString(host.path("/etc/hello/hello.conf"))).contains("greeting=hello");
 * }</pre>
 */
public final class SimulatedHost implements CommandRunner, ParameterResolver {
    private static final Set<Class<?>> TYPES = Set.of(Apt.class, Services.class, Files.class);

    private final Path root;
    private final List<Command> commands = new ArrayList<>();
    private final Set<String> running = new TreeSet<>();
    private final Set<String> enabled = new TreeSet<>();
    private int taken;

    /** A machine whose file system is the directory {@code root} (a {@code @TempDir}, say). */
    public SimulatedHost(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    @Override
    public CommandResult run(Command command) {
        commands.add(command);
        List<String> argv = command.argv();
        if (!command.program().equals("systemctl") || argv.size() < 3) {
            return new CommandResult(command, 0, "", "");
        }
        String verb = argv.get(1);
        String unit = argv.get(argv.size() - 1);
        boolean now = argv.contains("--now");
        switch (verb) {
            case "start", "restart" -> running.add(unit);
            case "stop" -> running.remove(unit);
            case "enable" -> {
                enabled.add(unit);
                if (now) {
                    running.add(unit);
                }
            }
            case "disable" -> {
                enabled.remove(unit);
                if (now) {
                    running.remove(unit);
                }
            }
            case "is-active" -> {
                return answer(command, running.contains(unit));
            }
            case "is-enabled" -> {
                return answer(command, enabled.contains(unit));
            }
            default -> {
                // reload and the rest: nothing to track.
            }
        }
        return new CommandResult(command, 0, "", "");
    }

    private static CommandResult answer(Command command, boolean yes) {
        return new CommandResult(command, yes ? 0 : 3, "", "");
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

    /** Whether the service runs now. */
    public boolean isRunning(String service) {
        return running.contains(service);
    }

    /** Whether the service starts at boot. */
    public boolean isEnabled(String service) {
        return enabled.contains(service);
    }

    /** The service dies, as if it crashed: {@code is-active} now says no. */
    public void crash(String service) {
        running.remove(service);
    }

    /** The machine restarts: afterwards exactly the enabled services run. Records no command. */
    public void reboot() {
        running.clear();
        running.addAll(enabled);
    }

    /** The directory that stands for the machine's {@code /}. */
    public Path root() {
        return root;
    }

    /** Where a path of the machine, such as {@code /etc/hello/hello.conf}, lies in this JVM's file system. */
    public Path path(String machinePath) {
        return root.resolve(machinePath.startsWith("/") ? machinePath.substring(1) : machinePath);
    }

    /**
     * Puts a file on the machine, as an operator or a package would, creating its directories.
     *
     * @throws UncheckedIOException naming the path when it cannot be written
     */
    public void writeFile(String machinePath, String content) {
        Path file = path(machinePath);
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + machinePath + " under " + root + ": " + e.getMessage(), e);
        }
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
        return Files.under(root);
    }
}
