package dev.charms.reactive.log;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.juju.LogLevel;
import java.util.Objects;

/**
 * The charm's log. In production every line goes to {@code juju-log} (and so to {@code juju debug-log}); under
 * the harness, to the run's result.
 * <pre>{@code
 * @When("app.installed")
 * void start(Log log) {
 *     log.info("starting the service");
 * }
 * }</pre>
 */
@Injectable
public final class Log {
    private final LogSink sink;

    /** A log writing to {@code sink}. */
    public Log(LogSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Writes at DEBUG. */
    public void debug(String message) {
        log(LogLevel.DEBUG, message);
    }

    /** Writes at INFO. */
    public void info(String message) {
        log(LogLevel.INFO, message);
    }

    /** Writes at WARNING. */
    public void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    /** Writes at ERROR. */
    public void error(String message) {
        log(LogLevel.ERROR, message);
    }

    /** Writes at any level. */
    public void log(LogLevel level, String message) {
        sink.write(Objects.requireNonNull(level, "level"), Objects.requireNonNull(message, "message"));
    }
}
