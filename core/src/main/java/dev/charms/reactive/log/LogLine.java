package dev.charms.reactive.log;

import dev.charms.reactive.juju.LogLevel;
import java.util.Objects;

/**
 * One message written to a {@link Log}.
 *
 * @param level never null
 * @param message never null; may span lines
 */
public record LogLine(LogLevel level, String message) {
    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return level + ": " + message;
    }
}
