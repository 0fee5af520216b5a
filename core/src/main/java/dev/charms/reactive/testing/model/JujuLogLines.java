package dev.charms.reactive.testing.model;

import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.stubtools.StubHookTools.LogEntry;
import dev.charms.reactive.log.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what a hook process sent to {@code juju-log}, for {@link ProcessHookDriver}. Package-private.
 *
 * <p>The runtime sends its lines in batches, one {@code juju-log} call each ({@code ProcessJujuBackend}'s buffered
 * mode): the messages joined by newlines, each prefixed with its level ({@code DEBUG: ...}) when the levels are
 * mixed. A batch becomes one {@link LogLine} per line of text: a line with a level prefix in a mixed batch has that
 * level, a line without one (the rest of a message of several lines) the level of the line before, and every line
 * of an unmixed batch the batch's level.
 */
final class JujuLogLines {
    /** What the dispatcher logs at INFO before it invokes a handler, as charms.reactive does. */
    static final String INVOKING = "Invoking reactive handler: ";

    private static final Pattern PREFIX = Pattern.compile("^(CRITICAL|ERROR|WARNING|INFO|DEBUG|TRACE): (.*)$",
            Pattern.DOTALL);

    private JujuLogLines() {
    }

    /** The lines of the {@code juju-log} calls, in order. */
    static List<LogLine> of(List<LogEntry> calls) {
        List<LogLine> lines = new ArrayList<>();
        for (LogEntry call : calls) {
            String[] texts = call.message().split("\n", -1);
            LogLevel level = LogLevel.valueOf(call.level());
            boolean mixed = PREFIX.matcher(texts[0]).matches();
            for (String text : texts) {
                Matcher prefixed = PREFIX.matcher(text);
                if (mixed && prefixed.matches()) {
                    level = LogLevel.valueOf(prefixed.group(1));
                    text = prefixed.group(2);
                }
                lines.add(new LogLine(level, text));
            }
        }
        return lines;
    }

    /** The display names of the handlers invoked, in order, from the dispatcher's INFO lines. */
    static List<String> invoked(List<LogLine> lines) {
        return lines.stream().filter(line -> line.level() == LogLevel.INFO && line.message().startsWith(INVOKING))
                .map(line -> line.message().substring(INVOKING.length())).toList();
    }

    /** The runtime's warning that the flag loop hit its iteration cap (and committed anyway), if it logged one. */
    static Optional<String> iterationCapWarning(List<LogLine> lines) {
        return lines.stream().filter(line -> line.level() == LogLevel.WARNING
                && line.message().startsWith("the flag loop of hook ") && line.message().contains("(the iteration cap)"))
                .map(LogLine::message).findFirst();
    }
}
