package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.testing.model.HookRun;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Assertions on one unit of a model simulator ({@link SimulatedUnit}) over all the hooks it ran: the hooks, the
 * handlers they invoked, the flags and status it has now, its log. A failure's message ends with the unit's hooks,
 * one a line as the model's timeline shows them (handlers, flags set and cleared, status). Made by
 * {@link CharmAssertions#assertThat(SimulatedUnit)} or {@link ModelAssert#unit(String)}.
 * <pre>{@code
 * assertThat(model.unit("hello/1"))
 *         .ranHooks("install", "leader-settings-changed", "config-changed", "start")
 *         .hasFlags("hello.started")
 *         .hasStatus("active", "ready");
 * }</pre>
 */
public final class UnitAssert extends AbstractHookAssert<UnitAssert, SimulatedUnit> {

    UnitAssert(SimulatedUnit actual) {
        super(actual, UnitAssert.class);
    }

    @Override
    String actor() {
        return "unit " + actual.name();
    }

    @Override
    String when() {
        return "of unit " + actual.name();
    }

    @Override
    List<String> invokedHandlers() {
        return actual.invoked();
    }

    @Override
    Collection<String> flags() {
        return new TreeSet<>(actual.flags());
    }

    @Override
    StatusValue status() {
        return actual.status();
    }

    @Override
    List<LogLine> log() {
        return actual.log();
    }

    @Override
    String trace() {
        return Texts.block("Hooks of unit " + actual.name(), actual.hooks().stream().map(HookRun::toString).toList());
    }

    /**
     * Verifies that the unit ran exactly these hooks, in this order; an action shows as {@code actions/<name>}.
     */
    public UnitAssert ranHooks(String... hooks) {
        isNotNull();
        List<String> expected = List.of(hooks);
        if (!actual.hookNames().equals(expected)) {
            fail(expected, actual.hookNames(), "Expecting unit " + actual.name() + " to have run exactly these hooks,"
                    + " in order:\n  " + expected + "\nbut it ran:\n  " + actual.hookNames());
        }
        return this;
    }
}
