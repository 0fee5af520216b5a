package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.juju.HookToolException;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.testing.Result;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Assertions on one harness run ({@link Result}): the handlers it invoked, the flags it set and cleared, statuses,
 * relation data, action results and log lines. A failure's message ends with the run's trace (the tracer's lines and
 * the handler invocations, in order). Made by {@link CharmAssertions#assertThat(Result)}.
 * <pre>{@code
 * assertThat(harness.hook("install").run())
 *         .invokedInOrder("HelloCharm.install", "HelloCharm.start")
 *         .setFlags("hello.installed", "hello.started")
 *         .hasStatus("active", "ready");
 * }</pre>
 */
public final class ResultAssert extends AbstractHookAssert<ResultAssert, Result> {

    ResultAssert(Result actual) {
        super(actual, ResultAssert.class);
    }

    @Override
    String actor() {
        return actual.hook();
    }

    @Override
    String when() {
        return "after " + actual.hook();
    }

    @Override
    List<String> invokedHandlers() {
        return actual.invoked();
    }

    @Override
    Collection<String> flags() {
        return actual.flags();
    }

    @Override
    StatusValue status() {
        return actual.unitStatus();
    }

    @Override
    List<LogLine> log() {
        return actual.log();
    }

    @Override
    String trace() {
        return Texts.block("Trace of " + actual.hook(), actual.trace());
    }

    /**
     * Verifies that the run set exactly these flags, in any order: those set after it and not before; with none, that
     * it set no flag. Flags the runtime clears at the end of every hook ({@code config.changed}...) never count.
     */
    public ResultAssert setFlags(String... flags) {
        isNotNull();
        return exactly("set", "not set before it, set after", flags, actual.flagsSet());
    }

    /** Verifies that the run cleared exactly these flags, in any order: those set before it and not after. */
    public ResultAssert clearedFlags(String... flags) {
        isNotNull();
        return exactly("cleared", "set before it, not after", flags, actual.flagsCleared());
    }

    private ResultAssert exactly(String verb, String meaning, String[] flags, List<String> found) {
        List<String> expected = List.copyOf(new TreeSet<>(Arrays.asList(flags)));
        if (!found.equals(expected)) {
            fail(expected, found, "Expecting " + actor() + " to have " + verb + " exactly these flags (" + meaning
                    + "):\n  " + expected + "\nbut it " + verb + ":\n  " + found);
        }
        return this;
    }

    /** Verifies the application's status after the run, as the leader set it ({@code unknown} until it does). */
    public ResultAssert hasApplicationStatus(String state, String message) {
        isNotNull();
        StatusValue expected = new StatusValue(state, message);
        if (!actual.applicationStatus().equals(expected)) {
            fail(expected, actual.applicationStatus(), "Expecting the application status " + when() + " to be:\n  "
                    + Texts.status(expected) + "\nbut it is:\n  " + Texts.status(actual.applicationStatus()));
        }
        return this;
    }

    /**
     * Verifies that this unit's data in a relation after the run (what it had and what it published) has these
     * entries; it may have others.
     */
    public ResultAssert hasRelationData(String relationId, Map<String, String> entries) {
        return relationData("this unit's", relationId, entries, actual::localUnitData);
    }

    /** Verifies that this application's data in a relation after the run has these entries; it may have others. */
    public ResultAssert hasAppRelationData(String relationId, Map<String, String> entries) {
        return relationData("this application's", relationId, entries, actual::localAppData);
    }

    private ResultAssert relationData(String whose, String relationId, Map<String, String> entries,
            Function<String, Map<String, String>> data) {
        isNotNull();
        Map<String, String> found;
        try {
            found = data.apply(relationId);
        } catch (HookToolException e) {
            fail("Expecting " + whose + " data in relation " + relationId + " " + when() + " to include:\n  "
                    + entries + "\nbut the harness has no relation " + relationId + "; declare it with"
                    + " Harness.relation(RelationState.of(\"" + relationId + "\", ...))");
            return this;
        }
        if (!includes(found, entries)) {
            fail("Expecting " + whose + " data in relation " + relationId + " " + when() + " to include:\n  "
                    + entries + "\nbut it is:\n  " + found);
        }
        return this;
    }

    /** Whether {@code map} has each entry of {@code entries}. */
    static boolean includes(Map<String, String> map, Map<String, String> entries) {
        return entries.entrySet().stream().allMatch(e -> Objects.equals(map.get(e.getKey()), e.getValue()));
    }

    /** Verifies that the action set these results ({@code action-set}, by dotted key); it may have set others. */
    public ResultAssert hasActionResults(Map<String, String> results) {
        isNotNull();
        if (!includes(actual.actionResults(), results)) {
            fail("Expecting the results of action " + actual.hook() + " to include:\n  " + results
                    + "\nbut they are:\n  " + actual.actionResults() + failure());
        }
        return this;
    }

    /** Verifies that the action was not failed ({@code action-fail}, or by the runtime). */
    public ResultAssert actionCompleted() {
        isNotNull();
        Optional<String> failure = actual.actionFailure();
        if (failure.isPresent()) {
            fail("Expecting action " + actual.hook() + " to have completed\nbut it failed with:\n  " + failure.get());
        }
        return this;
    }

    /** Verifies that the action was failed with exactly this message ({@code action-fail}, or by the runtime). */
    public ResultAssert actionFailed(String message) {
        isNotNull();
        Objects.requireNonNull(message, "message");
        Optional<String> failure = actual.actionFailure();
        if (!failure.equals(Optional.of(message))) {
            fail(message, failure.orElse(null), "Expecting action " + actual.hook() + " to have failed with:\n  "
                    + message + "\nbut " + failure.map(f -> "it failed with:\n  " + f).orElse("it did not fail"));
        }
        return this;
    }

    /** A line saying what the action failed with, when it failed; else nothing. */
    private String failure() {
        return actual.actionFailure().map(f -> "\n(the action failed with: " + f + ")").orElse("");
    }
}
