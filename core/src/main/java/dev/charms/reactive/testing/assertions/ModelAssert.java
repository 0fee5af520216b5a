package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.model.HookRun;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a model simulator ({@link Model}): its leaders, application statuses and relation data, and, through
 * {@link #unit(String)}, its units. A failure's message ends with the model's timeline, every hook it ran, one a line.
 * Made by {@link CharmAssertions#assertThat(Model)}.
 * <pre>{@code
 * assertThat(model).hasLeader("hello", "hello/0")
 *         .hasRelationData("proxy", "hello", "hello/0", Map.of("port", "8080"));
 * assertThat(model).unit("hello/1").invoked("HelloCharm.configure");
 * }</pre>
 */
public final class ModelAssert extends AbstractAssert<ModelAssert, Model> {

    ModelAssert(Model actual) {
        super(actual, ModelAssert.class);
    }

    private void fail(String message) {
        failWithMessage("%s", message + timeline());
    }

    private String timeline() {
        return Texts.block("Timeline", actual.timeline().stream().map(HookRun::toString).toList());
    }

    /**
     * Assertions on a unit of the model; fails, listing the units there are, when there is no such unit.
     */
    public UnitAssert unit(String unitName) {
        isNotNull();
        Optional<SimulatedUnit> unit = actual.units().stream().filter(u -> u.name().equals(unitName)).findFirst();
        if (unit.isEmpty()) {
            fail("Expecting the model to have unit " + unitName + "\nbut its units are:\n  "
                    + actual.units().stream().map(SimulatedUnit::name).toList());
        }
        return new UnitAssert(unit.orElseThrow());
    }

    /** Verifies the application's leader now. */
    public ModelAssert hasLeader(String application, String unitName) {
        isNotNull();
        String expecting = "Expecting the leader of " + application + " to be " + unitName;
        Optional<String> leader = read(expecting, () -> actual.leader(application));
        if (!leader.equals(Optional.of(unitName))) {
            fail(expecting + "\nbut " + leader.map(l -> "it is " + l).orElse("it has none"));
        }
        return this;
    }

    /** Verifies the application's status now, as its leader set it ({@code unknown} until it does). */
    public ModelAssert hasApplicationStatus(String application, String state, String message) {
        isNotNull();
        StatusValue expected = new StatusValue(state, message);
        String expecting = "Expecting the status of application " + application + " to be:\n  "
                + Texts.status(expected);
        StatusValue found = read(expecting, () -> actual.applicationStatus(application));
        if (!found.equals(expected)) {
            failWithActualExpectedAndMessage(found, expected, "%s", expecting + "\nbut it is:\n  "
                    + Texts.status(found) + timeline());
        }
        return this;
    }

    /**
     * Verifies that the data a unit, or an application when {@code unitOrApp} names one, published in the relation
     * between two applications has these entries; it may have others. See {@link Model#relationData}.
     */
    public ModelAssert hasRelationData(String application, String remoteApplication, String unitOrApp,
            Map<String, String> entries) {
        isNotNull();
        Objects.requireNonNull(entries, "entries");
        String expecting = "Expecting the data " + unitOrApp + " published in the relation of " + application
                + " and " + remoteApplication + " to include:\n  " + entries;
        Map<String, String> found = read(expecting,
                () -> actual.relationData(application, remoteApplication, unitOrApp));
        if (!ResultAssert.includes(found, entries)) {
            fail(expecting + "\nbut it is:\n  " + found);
        }
        return this;
    }

    /** What {@code read} returns, or a failure with the model's refusal (no such application, no such relation). */
    private <T> T read(String expecting, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            fail(expecting + "\nbut " + e.getMessage());
            throw e;
        }
    }
}
