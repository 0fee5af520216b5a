package dev.charms.reactive.testing;

import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.log.LogLine;
import java.util.ArrayList;
import java.util.List;

/** Picks the dispatch trace out of a hook's log lines. */
final class Traces {
    private Traces() {
    }

    /** The tracer's lines (one per line, without the {@code tracer>} header) and the invocation lines, in order. */
    static List<String> of(List<LogLine> log) {
        List<String> trace = new ArrayList<>();
        for (LogLine line : log) {
            if (line.level() == LogLevel.DEBUG && line.message().startsWith("tracer")) {
                line.message().lines().filter(l -> !l.equals("tracer>")).forEach(trace::add);
            } else if (line.level() == LogLevel.INFO && line.message().startsWith("Invoking reactive handler: ")) {
                trace.add(line.message());
            }
        }
        return trace;
    }
}
