package dev.charms.reactive.plan;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The full record of a run, in a file of its own named after the time it started:
 * {@code <directory>/<name>-YYYYmmddHHMMSS.log} ({@code -1}, {@code -2}... appended if that file exists). One
 * line per event, {@code 2026-05-04 10:15:02,117 [source] [LEVEL] message}, like charmed-openstack-upgrader's
 * log: the plan, every step's start and end with how long it took, what actions reported, failures with their
 * stack traces, signals; and whatever else the caller {@link #log}s (the orchestrator logs every {@code juju}
 * command with its output). Each line is flushed, so the file is complete up to the moment the process died.
 *
 * <p>The file is readable by its owner only: command output may hold secrets. Writing never throws into the run:
 * the first write error stops logging and is kept in {@link #error()}. Thread-safe.
 */
public final class ExecutionLog implements PlanListener, Closeable {

    /** How much a line matters. */
    public enum Level { DEBUG, INFO, WARNING, ERROR }

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path path;
    private final Writer writer;
    private final Clock clock;
    private IOException error;

    private ExecutionLog(Path path, Writer writer, Clock clock) {
        this.path = path;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Creates the log file in {@code directory} (made if missing).
     *
     * @param name the start of the file name, e.g. {@code reactive-upgrade}
     * @param clock gives the time in the file name and on each line, in its zone
     * @throws IOException if the directory or the file cannot be created
     */
    public static ExecutionLog create(Path directory, String name, Clock clock) throws IOException {
        Files.createDirectories(directory);
        String stamp = FILE_TIME.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone()));
        for (int attempt = 0; ; attempt++) {
            Path path = directory.resolve(name + "-" + stamp + (attempt == 0 ? "" : "-" + attempt) + ".log");
            try {
                Files.createFile(path);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            // A FileOutputStream, not a channel: a worker thread interrupted by the second Ctrl+C must still be
            // able to log, and an interrupted write to a channel would close it for good.
            return new ExecutionLog(path, new BufferedWriter(new OutputStreamWriter(
                    new FileOutputStream(path.toFile(), true), StandardCharsets.UTF_8)), clock);
        }
    }

    /** The log file; never null. */
    public Path path() {
        return path;
    }

    /** The first error writing the file, after which nothing more was written. */
    public synchronized Optional<IOException> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Writes one entry.
     *
     * @param source who speaks: {@code plan}, {@code juju}, ...
     * @param message may span lines; the lines after the first are written as they are
     */
    public synchronized void log(String source, Level level, String message) {
        if (error != null) {
            return;
        }
        try {
            writer.write(LINE_TIME.format(LocalDateTime.ofInstant(clock.instant(), clock.getZone())) + " [" + source
                    + "] [" + level + "] " + message.stripTrailing() + "\n");
            writer.flush();
        } catch (IOException e) {
            error = e;
        }
    }

    @Override
    public void planStarted(Step plan) {
        log("plan", Level.INFO, "Plan:\n" + plan.render());
    }

    @Override
    public void stepStarted(Step step) {
        log("plan", Level.INFO, "Started: " + step.description());
    }

    @Override
    public void stepMessage(Step step, String message) {
        log("step", Level.INFO, step.description() + ": " + message);
    }

    @Override
    public void stepFinished(StepRecord record) {
        String line = record.state() + ": " + record.step().description();
        switch (record.state()) {
            case DONE -> log("plan", Level.INFO, line + " (" + record.duration().toMillis() + " ms)");
            case FAILED -> log("plan", Level.ERROR, line + record.error().map(ExecutionLog::stackTrace).orElse(""));
            case HALTED, SKIPPED, TERMINATED -> log("plan", Level.WARNING,
                    line + (record.message().isEmpty() ? "" : ": " + record.message()));
            default -> log("plan", Level.DEBUG, line);
        }
    }

    @Override
    public void stopRequested(StopSignal signal, Interrupter.Request request, List<Step> running) {
        log("plan", Level.WARNING, signal + ": " + request + "; running: "
                + running.stream().map(Step::description).toList());
    }

    @Override
    public void planFinished(PlanResult result) {
        log("plan", Level.INFO, "Finished: " + result.ending()
                + result.signal().map(s -> " (" + s + ")").orElse(""));
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "\n" + trace;
    }
}
