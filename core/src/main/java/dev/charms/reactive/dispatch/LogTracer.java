package dev.charms.reactive.dispatch;

import dev.charms.reactive.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes the dispatch trace to a {@link Log} at DEBUG, in the texts of charms.reactive's {@code LogTracer}:
 * <pre>
 * tracer: starting handler dispatch, 1 flags set
 * tracer: set flag app.installed
 * tracer: hooks phase, 0 handlers queued
 * tracer: main dispatch loop, 1 handlers queued
 * tracer: ++   queue handler HelloCharm.start
 * tracer: set flag app.started
 * tracer: -- dequeue handler HelloCharm.start
 * </pre>
 * After each flag change it lists the handlers that would now be queued and were not ({@code ++}), and the
 * reverse ({@code --}), sorted. It learns what would be queued from a side-effect-free test of the handlers, so
 * tracing cannot change the dispatch. The lines of one event go to the log in one message; a message of several
 * lines starts with the line {@code tracer>}. Flag changes outside a dispatch are logged without queue lines.
 */
public final class LogTracer implements Tracer {
    private final Log log;
    private final Supplier<List<String>> wouldQueue;
    private TreeSet<String> active = new TreeSet<>();
    private boolean dispatching;

    /**
     * @param log where the trace goes
     * @param wouldQueue the display names of the handlers whose conditions hold now; must have no side effects
     */
    public LogTracer(Log log, Supplier<List<String>> wouldQueue) {
        this.log = Objects.requireNonNull(log, "log");
        this.wouldQueue = Objects.requireNonNull(wouldQueue, "wouldQueue");
    }

    @Override
    public void startDispatch(List<String> setFlags) {
        dispatching = true;
        active = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        lines.add("starting handler dispatch, " + setFlags.size() + " flags set");
        for (String flag : setFlags) {
            lines.add("set flag " + flag);
        }
        emit(lines);
    }

    @Override
    public void startPhase(Phase phase, List<String> queued) {
        List<String> lines = new ArrayList<>();
        lines.add(phase == Phase.OTHER
                ? "main dispatch loop, " + queued.size() + " handlers queued"
                : phase.label() + " phase, " + queued.size() + " handlers queued");
        active = new TreeSet<>(queued);
        for (String handler : active) {
            lines.add("++   queue handler " + handler);
        }
        emit(lines);
    }

    @Override
    public void startIteration(int iteration, List<String> queued) {
        active = new TreeSet<>(queued);
    }

    @Override
    public void flagSet(String flag) {
        flagChanged("set flag " + flag);
    }

    @Override
    public void flagCleared(String flag) {
        flagChanged("cleared flag " + flag);
    }

    @Override
    public void endDispatch() {
        dispatching = false;
    }

    private void flagChanged(String message) {
        List<String> lines = new ArrayList<>();
        lines.add(message);
        if (dispatching) {
            TreeSet<String> now = new TreeSet<>(wouldQueue.get());
            for (String handler : now) {
                if (!active.contains(handler)) {
                    lines.add("++   queue handler " + handler);
                }
            }
            for (String handler : active) {
                if (!now.contains(handler)) {
                    lines.add("-- dequeue handler " + handler);
                }
            }
            active = now;
        }
        emit(lines);
    }

    private void emit(List<String> lines) {
        StringBuilder message = new StringBuilder(lines.size() == 1 ? "" : "tracer>");
        for (String line : lines) {
            message.append(message.length() == 0 ? "" : "\n").append("tracer: ").append(line);
        }
        log.debug(message.toString());
    }
}
