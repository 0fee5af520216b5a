package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * The checks that hold for whatever ran hooks: the handlers they invoked, the flags and status they left, the lines
 * they logged. A failure's message says what was expected and what was found, then shows the trace of the hooks
 * involved. Handlers are named as in the trace, {@code SimpleClass.method}.
 *
 * @param <SELF> the concrete assertion class
 * @param <ACTUAL> what ran: a harness result or a simulated unit
 */
public abstract class AbstractHookAssert<SELF extends AbstractHookAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    AbstractHookAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Who ran the handlers, as a message's subject: {@code install} (a hook), {@code unit hello/0}. */
    abstract String actor();

    /** Where the state was read, after a noun: {@code after install}, {@code of unit hello/0}. */
    abstract String when();

    /** The handlers invoked, in order, with repeats. */
    abstract List<String> invokedHandlers();

    /** The flags set now. */
    abstract Collection<String> flags();

    /** The unit's status now. */
    abstract StatusValue status();

    /** The lines logged, trace included. */
    abstract List<LogLine> log();

    /** The trace that ends every failure message, starting with a blank line. */
    abstract String trace();

    /** Fails with the message, the trace appended. */
    final void fail(String message) {
        isNotNull();
        failWithMessage("%s", message + trace());
    }

    /** Fails with the message, the trace appended, and the expected and actual values for a diff. */
    final void fail(Object expected, Object found, String message) {
        failWithActualExpectedAndMessage(found, expected, "%s", message + trace());
    }

    /** Verifies that each of these handlers was invoked, at least once, in any order; others may have been too. */
    public SELF invoked(String... handlers) {
        isNotNull();
        List<String> missing = Arrays.stream(handlers).filter(h -> !invokedHandlers().contains(h)).toList();
        if (!missing.isEmpty()) {
            fail("Expecting " + actor() + " to have invoked:\n  " + List.of(handlers) + "\nbut it did not invoke "
                    + missing + "; it invoked:\n  " + invokedHandlers());
        }
        return myself;
    }

    /**
     * Verifies that the handlers invoked were exactly these, in this order, repeats included; with none, that no
     * handler was invoked.
     */
    public SELF invokedInOrder(String... handlers) {
        isNotNull();
        List<String> expected = List.of(handlers);
        if (!invokedHandlers().equals(expected)) {
            fail(expected, invokedHandlers(), "Expecting " + actor() + " to have invoked exactly, in order:\n  "
                    + expected + "\nbut it invoked:\n  " + invokedHandlers());
        }
        return myself;
    }

    /** Verifies that none of these handlers was invoked. */
    public SELF didNotInvoke(String... handlers) {
        isNotNull();
        List<String> invoked = Arrays.stream(handlers).filter(invokedHandlers()::contains).toList();
        if (!invoked.isEmpty()) {
            fail("Expecting " + actor() + " not to have invoked:\n  " + List.of(handlers) + "\nbut it invoked "
                    + invoked + "; it invoked:\n  " + invokedHandlers());
        }
        return myself;
    }

    /** Verifies that each of these flags is set; others may be too. */
    public SELF hasFlags(String... flags) {
        isNotNull();
        List<String> unset = Arrays.stream(flags).filter(f -> !flags().contains(f)).toList();
        if (!unset.isEmpty()) {
            fail("Expecting the flags " + when() + " to include:\n  " + List.of(flags) + "\nbut these are not set: "
                    + unset + "; the flags are:\n  " + flags());
        }
        return myself;
    }

    /** Verifies that none of these flags is set. */
    public SELF doesNotHaveFlags(String... flags) {
        isNotNull();
        List<String> set = Arrays.stream(flags).filter(flags()::contains).toList();
        if (!set.isEmpty()) {
            fail("Expecting the flags " + when() + " not to include:\n  " + List.of(flags) + "\nbut these are set: "
                    + set + "; the flags are:\n  " + flags());
        }
        return myself;
    }

    /** Verifies the unit's status, e.g. {@code hasStatus("active", "ready")}. */
    public SELF hasStatus(String state, String message) {
        return hasStatus(new StatusValue(state, message));
    }

    /** Verifies the unit's status. */
    public SELF hasStatus(StatusValue expected) {
        isNotNull();
        Objects.requireNonNull(expected, "expected");
        if (!status().equals(expected)) {
            fail(expected, status(), "Expecting the unit status " + when() + " to be:\n  " + Texts.status(expected)
                    + "\nbut it is:\n  " + Texts.status(status()));
        }
        return myself;
    }

    /** Verifies that a line logged (by a handler, the runtime or the tracer) contains this text. */
    public SELF logContains(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        if (log().stream().noneMatch(line -> line.message().contains(text))) {
            fail("Expecting a line of the log " + when() + " to contain:\n  \"" + text + "\"\nbut none does; the lines"
                    + " besides the trace are:\n" + untraced());
        }
        return myself;
    }

    /** The log lines that are not the tracer's, each on a line of its own, indented; {@code (none)} if none. */
    private String untraced() {
        List<String> lines = log().stream()
                .filter(line -> !(line.level() == LogLevel.DEBUG && line.message().startsWith("tracer")
                        || line.level() == LogLevel.INFO && line.message().startsWith("Invoking reactive handler: ")))
                .map(line -> "  " + line).toList();
        return lines.isEmpty() ? "  (none)" : String.join("\n", lines);
    }
}
