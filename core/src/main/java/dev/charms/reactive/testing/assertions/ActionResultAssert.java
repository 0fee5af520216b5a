package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.testing.model.ActionResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what an action run in a model simulator reported ({@link ActionResult}, as {@code juju run} shows
 * it): completed or failed, its results and its {@code action-log} lines. A failure's message ends with the whole
 * result. Made by {@link CharmAssertions#assertThat(ActionResult)}.
 * <pre>{@code
 * assertThat(model.runAction("db/0", "backup", Map.of("target", "/srv")))
 *         .completed()
 *         .hasResults(Map.of("backup.size", "1234"));
 * }</pre>
 */
public final class ActionResultAssert extends AbstractAssert<ActionResultAssert, ActionResult> {

    ActionResultAssert(ActionResult actual) {
        super(actual, ActionResultAssert.class);
    }

    private void fail(String message) {
        failWithMessage("%s", message + Texts.block("The action", List.of(
                "status   " + actual.status(),
                "results  " + actual.results(),
                "failure  " + actual.failureMessage().orElse("(none)"),
                "log      " + actual.log())));
    }

    /** Verifies that the action completed: it was not failed. */
    public ActionResultAssert completed() {
        isNotNull();
        if (actual.failed()) {
            fail("Expecting the action to have completed\nbut it failed with:\n  "
                    + actual.failureMessage().orElse("(no message)"));
        }
        return this;
    }

    /** Verifies that the action failed with exactly this message. */
    public ActionResultAssert failed(String message) {
        isNotNull();
        Objects.requireNonNull(message, "message");
        Optional<String> failure = actual.failed() ? actual.failureMessage() : Optional.empty();
        if (!actual.failed() || !failure.equals(Optional.of(message))) {
            fail("Expecting the action to have failed with:\n  " + message + "\nbut "
                    + (actual.failed() ? "it failed with:\n  " + failure.orElse("(no message)") : "it completed"));
        }
        return this;
    }

    /** Verifies that the action set these results ({@code action-set}, by dotted key); it may have set others. */
    public ActionResultAssert hasResults(Map<String, String> results) {
        isNotNull();
        Objects.requireNonNull(results, "results");
        if (!ResultAssert.includes(actual.results(), results)) {
            fail("Expecting the results of the action to include:\n  " + results + "\nbut they are:\n  "
                    + actual.results());
        }
        return this;
    }

    /** Verifies that an {@code action-log} line of the action contains this text. */
    public ActionResultAssert logContains(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        if (actual.log().stream().noneMatch(line -> line.contains(text))) {
            fail("Expecting an action-log line of the action to contain:\n  \"" + text + "\"\nbut none does");
        }
        return this;
    }
}
