package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.testing.Result;
import dev.charms.reactive.testing.model.ActionResult;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import org.assertj.core.api.Assertions;

/**
 * The entry point of the charm assertions, and of all of AssertJ's, which it inherits: one static import serves both.
 * <pre>{@code
 * import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThat;
 *
 * assertThat(harness.hook("install").run())
 *         .invokedInOrder("HelloCharm.install", "HelloCharm.configure", "HelloCharm.start")
 *         .setFlags("hello.configured", "hello.installed", "hello.started")
 *         .hasStatus("active", "ready");
 * assertThat(List.of(1, 2)).hasSize(2);
 * }</pre>
 * Checks named for what a hook did ({@code invokedInOrder}, {@code setFlags}, {@code clearedFlags},
 * {@code ranHooks}) are exact; checks named {@code has...} and {@code invoked} accept more than they name. Every
 * failure message says what was expected and what was found, then shows the trace of the hooks involved.
 */
public class CharmAssertions extends Assertions {

    /** Not instantiated; the class is extended only to inherit AssertJ's entry points. */
    protected CharmAssertions() {
    }

    /** Assertions on one harness run: a hook or an action. */
    public static ResultAssert assertThat(Result actual) {
        return new ResultAssert(actual);
    }

    /** Assertions on one unit of a model simulator, over all the hooks it ran. */
    public static UnitAssert assertThat(SimulatedUnit actual) {
        return new UnitAssert(actual);
    }

    /** Assertions on a model simulator: leaders, application statuses, relation data, and its units. */
    public static ModelAssert assertThat(Model actual) {
        return new ModelAssert(actual);
    }

    /** Assertions on what an action run in a model simulator reported. */
    public static ActionResultAssert assertThat(ActionResult actual) {
        return new ActionResultAssert(actual);
    }
}
