package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.charms.reactive.dispatch.LogTracer;
import dev.charms.reactive.dispatch.Phase;
import dev.charms.reactive.dispatch.Tracer;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference §12.6 (tests/test_trace.py). */
class TraceConformanceTest {

    @Test
    void t01_theNullTracerAcceptsEveryCall() {
        assertThatCode(() -> {
            Tracer.NONE.startDispatch(List.of("a"));
            Tracer.NONE.startPhase(Phase.HOOKS, List.of("h"));
            Tracer.NONE.startIteration(0, List.of());
            Tracer.NONE.flagSet("a");
            Tracer.NONE.flagCleared("a");
            Tracer.NONE.endDispatch();
        }).doesNotThrowAnyException();
    }

    @Test
    void t02_theLogTracerWritesTheReferenceTexts() {
        List<LogLine> lines = new ArrayList<>();
        Deque<List<String>> queues = new ArrayDeque<>(List.of(List.of("handler_1"), List.of("handler_2", "handler_3")));
        LogTracer tracer = new LogTracer(new Log((level, message) -> lines.add(new LogLine(level, message))),
                queues::removeFirst);
        tracer.startDispatch(List.of());
        tracer.startPhase(Phase.HOOKS, List.of());
        tracer.startIteration(0, List.of());
        tracer.flagSet("flag_a");
        tracer.flagCleared("flag_b");
        assertThat(lines).containsExactly(
                new LogLine(LogLevel.DEBUG, "tracer: starting handler dispatch, 0 flags set"),
                new LogLine(LogLevel.DEBUG, "tracer: hooks phase, 0 handlers queued"),
                new LogLine(LogLevel.DEBUG, "tracer>\ntracer: set flag flag_a\ntracer: ++   queue handler handler_1"),
                new LogLine(LogLevel.DEBUG, "tracer>\ntracer: cleared flag flag_b\ntracer: ++   queue handler handler_2\n"
                        + "tracer: ++   queue handler handler_3\ntracer: -- dequeue handler handler_1"));
    }

    @Test
    void theStartAndPhaseLinesListFlagsAndQueuedHandlers() {
        List<LogLine> lines = new ArrayList<>();
        LogTracer tracer = new LogTracer(new Log((level, message) -> lines.add(new LogLine(level, message))), List::of);
        tracer.startDispatch(List.of("a", "b"));
        tracer.startPhase(Phase.OTHER, List.of("Z.z", "A.a"));
        tracer.endDispatch();
        tracer.flagSet("c");
        assertThat(lines).extracting(LogLine::message).containsExactly(
                "tracer>\ntracer: starting handler dispatch, 2 flags set\ntracer: set flag a\ntracer: set flag b",
                "tracer>\ntracer: main dispatch loop, 2 handlers queued\ntracer: ++   queue handler A.a\n"
                        + "tracer: ++   queue handler Z.z",
                "tracer: set flag c");
    }
}
