package dev.charms.reactive.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands as child processes with {@link ProcessBuilder}: no shell, so arguments reach the program
 * exactly as given.
 *
 * <ul>
 *   <li>The program is looked up on the {@code PATH} of this runner's environment (plus the command's own
 *       variables), not on the JVM's: Java would otherwise search the parent's {@code PATH}, and stub
 *       programs put first on a test's {@code PATH} would be missed. A program containing a slash is used as
 *       given.
 *   <li>The child's environment is exactly this runner's environment plus the command's variables.
 *   <li>Standard output and standard error are read on two helper threads while standard input is written on
 *       a third, so a command that fills one pipe while the other is unread cannot deadlock.
 *   <li>With a timeout, a command still running when it expires is killed with its descendants and a
 *       {@link CommandException} (exit code -1) is thrown. Without one, the runner waits as long as the
 *       command runs. A command that leaves a background process holding its output open is waited for
 *       until that process closes it.
 * </ul>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "command-pipe");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, String> environment;
    private final Optional<Duration> timeout;

    /** A runner whose children see exactly {@code environment} and that waits for them without limit. */
    public ProcessCommandRunner(Map<String, String> environment) {
        this(environment, Optional.empty());
    }

    private ProcessCommandRunner(Map<String, String> environment, Optional<Duration> timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** A runner over the JVM's own environment ({@link System#getenv()}), with no timeout. */
    public static ProcessCommandRunner system() {
        return new ProcessCommandRunner(System.getenv());
    }

    /** This runner, but killing any command that runs longer than {@code limit}. */
    public ProcessCommandRunner withTimeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a command timeout must be positive, got " + limit);
        }
        return new ProcessCommandRunner(environment, Optional.of(limit));
    }

    /** The environment children get (before each command's own variables); never null. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The timeout, if any. */
    public Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    public CommandResult run(Command command) {
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.putAll(command.environment());
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, locate(command, childEnvironment).toString());

        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(childEnvironment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandException(command, -1, "",
                    "cannot start `" + command + "` (" + argv.get(0) + "): " + e.getMessage());
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), PUMPS);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), PUMPS);
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), command.stdin()), PUMPS);
        try {
            if (!awaitExit(process)) {
                killTree(process);
                throw new CommandException(command, -1, collected(stderr),
                        "`" + command + "` did not finish within " + timeout.orElseThrow().toSeconds()
                                + " s and was killed");
            }
            stdin.get();
            return new CommandResult(command, process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CommandException(command, -1, "", "interrupted while waiting for `" + command + "`; killed it");
        } catch (ExecutionException e) {
            throw new CommandException(command, -1, "",
                    "cannot exchange data with `" + command + "`: " + e.getCause().getMessage());
        }
    }

    private boolean awaitExit(Process process) throws InterruptedException {
        if (timeout.isEmpty()) {
            process.waitFor();
            return true;
        }
        return process.waitFor(timeout.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Finds the program the way a POSIX shell would: as given when it contains a slash, else in the first
     * {@code PATH} directory holding an executable file of that name (an empty entry means the current
     * directory).
     */
    private static Path locate(Command command, Map<String, String> childEnvironment) {
        String program = command.program();
        if (program.contains("/")) {
            return Path.of(program);
        }
        String path = childEnvironment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new CommandNotFoundException(command, path);
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the input and closes the pipe; a command that exits without reading it is not an error. */
    private static void feed(OutputStream stream, String input) {
        try (stream) {
            stream.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedPipe) {
            // The command exited, or closed its input, without reading all of it: its exit code says how it went.
        }
    }

    private static String collected(CompletableFuture<String> output) {
        try {
            return output.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
