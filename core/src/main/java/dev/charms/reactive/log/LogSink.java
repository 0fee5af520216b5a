package dev.charms.reactive.log;

import dev.charms.reactive.juju.LogLevel;

/** Where log lines go: {@code juju-log} in production, a list in the harness. */
@FunctionalInterface
public interface LogSink {

    /**
     * Writes one message; a message may span lines.
     *
     * @param level never null
     * @param message never null
     */
    void write(LogLevel level, String message);
}
