package dev.charms.reactive.juju;

/** The levels {@code juju-log -l} accepts, most severe first. */
public enum LogLevel {
    CRITICAL, ERROR, WARNING, INFO, DEBUG, TRACE
}
