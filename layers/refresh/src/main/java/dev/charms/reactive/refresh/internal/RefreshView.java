package dev.charms.reactive.refresh.internal;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit's view of the refresh of its application: the units and what each published, the original versions,
 * the pause option and the compatibility verdict, and what follows from them. Pure: the handlers build one per hook
 * (again after each change they make) and act on its answers.
 *
 * <p>Application states:
 * <ul>
 *   <li>{@link State#IDLE}: every unit runs this charm code and its workload version (or is still installing);</li>
 *   <li>{@link State#UNKNOWN}: a unit has joined but published nothing yet, so nobody can tell;</li>
 *   <li>{@link State#NOT_STARTED}: the charm code changed, but the automatic checks have not passed and nobody forced
 *       the start, so no workload may be refreshed yet;</li>
 *   <li>{@link State#STARTED}: a rollback, or the checks passed, or {@code force-refresh-start} skipped them; units
 *       refresh one at a time in order, each when every unit before it is up to date and healthy and the pause
 *       option lets it go.</li>
 * </ul>
 *
 * <p>Refresh order: unit numbers from the highest down; index 0 is the <em>first unit</em>, which runs the automatic
 * checks and never waits for {@code resume-refresh}.
 *
 * @param self this unit
 * @param code the charm code this unit runs (the application's newest)
 * @param workloadVersion the workload version this charm code installs
 * @param units every unit (this one included) with what it published; empty for a unit whose data is not known yet
 * @param originals the versions before the refresh, as the leader recorded them
 * @param pause the {@code pause-after-unit-refresh} option
 * @param compatibility the verdict on refreshing from the originals to this code
 */
public record RefreshView(String self, CharmCode code, String workloadVersion, Map<String, Optional<UnitRecord>> units,
        Optional<Originals> originals, PauseAfterUnitRefresh pause, Compatibility compatibility) {

    /** The application's refresh state. */
    public enum State {
        /** No refresh in progress. */
        IDLE,
        /** Some unit's data is not known yet. */
        UNKNOWN,
        /** In progress, not started: no workload may be refreshed. */
        NOT_STARTED,
        /** In progress and started: units refresh one at a time. */
        STARTED
    }

    /** Checks that nothing is null and that this unit is among the units. */
    public RefreshView {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(workloadVersion, "workloadVersion");
        units = Map.copyOf(units);
        Objects.requireNonNull(originals, "originals");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(compatibility, "compatibility");
        if (!units.containsKey(self)) {
            throw new IllegalArgumentException("the units " + units.keySet() + " must include this unit, " + self);
        }
    }

    /** The application's name. */
    public String application() {
        return UnitName.parse(self).application();
    }

    /** Every unit in refresh order: the highest unit number first. */
    public List<String> order() {
        return units.keySet().stream()
                .sorted(Comparator.comparingInt((String unit) -> UnitName.parse(unit).number()).reversed())
                .toList();
    }

    /** A unit's place in the refresh order, from 0. */
    public int index(String unit) {
        int index = order().indexOf(unit);
        if (index < 0) {
            throw new IllegalArgumentException("unit " + unit + " is not one of " + order());
        }
        return index;
    }

    /** The first unit to refresh: the highest unit number. It runs the automatic checks. */
    public String firstUnit() {
        return order().get(0);
    }

    /** What the unit published; empty when not known yet. */
    public Optional<UnitRecord> record(String unit) {
        Optional<UnitRecord> record = units.get(unit);
        if (record == null) {
            throw new IllegalArgumentException("unit " + unit + " is not one of " + order());
        }
        return record;
    }

    /** Whether the unit runs this charm code with this code's workload version. */
    public boolean upToDate(String unit) {
        return record(unit).filter(r -> r.code().equals(code) && r.workloadVersion().equals(Optional.of(workloadVersion)))
                .isPresent();
    }

    /** Whether the unit is up to date and was found healthy on that version: it lets the next unit refresh. */
    public boolean allowsNext(String unit) {
        return upToDate(unit) && record(unit).orElseThrow().healthyOnInstalled();
    }

    /** Whether the unit has a workload installed that is not this code's version. */
    public boolean needsWorkloadRefresh(String unit) {
        return record(unit).flatMap(UnitRecord::workloadVersion).filter(v -> !v.equals(workloadVersion)).isPresent();
    }

    /** The application's state (see the class comment). */
    public State state() {
        if (units.values().stream().anyMatch(Optional::isEmpty)) {
            return State.UNKNOWN;
        }
        boolean inProgress = units.keySet().stream()
                .anyMatch(unit -> needsWorkloadRefresh(unit) || !record(unit).orElseThrow().code().equals(code));
        if (!inProgress) {
            return State.IDLE;
        }
        return started() ? State.STARTED : State.NOT_STARTED;
    }

    /** Whether a refresh is in progress, or may be ({@link State#UNKNOWN}). */
    public boolean inProgress() {
        return state() != State.IDLE;
    }

    /**
     * Whether the refresh in progress goes back to the original versions: then the automatic checks are skipped and it
     * is started at once.
     */
    public boolean rollback() {
        return state() != State.IDLE && state() != State.UNKNOWN && goesBackToOriginals();
    }

    private boolean goesBackToOriginals() {
        return originals.filter(o -> o.code().equals(code) && o.workloadVersion().equals(workloadVersion)).isPresent();
    }

    /** Whether the refresh to this code is started: a rollback, or a unit running this code says so. */
    public boolean started() {
        return goesBackToOriginals() || units.values().stream().flatMap(Optional::stream)
                .anyMatch(r -> r.code().equals(code) && r.startedFor().equals(Optional.of(code.identity())));
    }

    /** The next unit to refresh: the first in order whose workload is not this code's version. */
    public Optional<String> nextUnit() {
        return order().stream().filter(this::needsWorkloadRefresh).findFirst();
    }

    /** The first unit before {@code unit} in refresh order that does not let the next one refresh. */
    public Optional<String> firstUnhealthyBefore(String unit) {
        return order().subList(0, index(unit)).stream().filter(u -> !allowsNext(u)).findFirst();
    }

    /**
     * Whether the unit refreshes its workload now, on its own: the refresh is started, the unit needs a refresh, every
     * unit before it allows it, and the pause option does not make it wait.
     */
    public boolean refreshesAutomatically(String unit) {
        return state() == State.STARTED && needsWorkloadRefresh(unit) && firstUnhealthyBefore(unit).isEmpty()
                && !pause.waitsAt(index(unit));
    }

    /** The rollback command to the original versions (plain {@code juju refresh <app>} when they are not known). */
    public RollbackCommand rollbackCommand() {
        return originals.map(o -> RollbackCommand.to(application(), o.code()))
                .orElse(new RollbackCommand(application(), OptionalInt.empty()));
    }

    /**
     * The application status the leader shows for the refresh, in priority order: an invalid pause option; unknown
     * state; an incompatible refresh not forced; a refresh of one unit; a pause waiting for {@code resume-refresh};
     * any other refresh in progress. Empty when there is nothing to say (the charm's own status then applies).
     */
    public Optional<StatusValue> applicationStatus() {
        State state = state();
        if (pause == PauseAfterUnitRefresh.INVALID) {
            return Optional.of(new StatusValue("blocked", Messages.INVALID_PAUSE_OPTION));
        }
        if (state == State.IDLE) {
            return Optional.empty();
        }
        if (state == State.UNKNOWN) {
            return Optional.of(new StatusValue("maintenance", Messages.DETERMINING));
        }
        RollbackCommand rollback = rollbackCommand();
        if (state == State.NOT_STARTED && !compatibility.compatible()) {
            return Optional.of(new StatusValue("blocked", Messages.incompatible(rollback)));
        }
        Optional<String> next = nextUnit();
        if (units.size() == 1 || next.isEmpty() || index(next.get()) == 0) {
            return Optional.of(new StatusValue("maintenance", Messages.refreshing(rollback)));
        }
        int index = index(next.get());
        if (pause.waitsAt(index)) {
            return Optional.of(new StatusValue("blocked", Messages.paused(number(order().get(index - 1)),
                    number(next.get()), rollback)));
        }
        return Optional.of(new StatusValue("maintenance", Messages.notPausing(application())));
    }

    /**
     * This unit's status during a refresh, in priority order: the first unit's failed pre-refresh check (while not
     * started); the unit's health problem; the workload version running and the charm code. The caller shows it while
     * {@code refresh.in-progress} is set, to the end of the hook that completes the refresh.
     *
     * @param workloadName the workload's name, e.g. {@code kv-store}
     * @param precheckFailure the message of the pre-refresh check this unit ran and saw fail in this hook
     * @param healthProblem what is wrong with the unit's workload, when its health was checked and it is unhealthy
     */
    public StatusValue unitStatus(String workloadName, Optional<String> precheckFailure,
            Optional<String> healthProblem) {
        if (precheckFailure.isPresent() && state() == State.NOT_STARTED) {
            return new StatusValue("blocked", Messages.precheckFailedStatus(precheckFailure.get()));
        }
        if (healthProblem.isPresent()) {
            return new StatusValue("blocked", healthProblem.get());
        }
        Optional<String> installed = record(self).flatMap(UnitRecord::workloadVersion);
        if (installed.isEmpty()) {
            return new StatusValue("waiting", workloadName + " not installed; " + code.describe());
        }
        return new StatusValue("active", Messages.running(workloadName, installed.get(), needsWorkloadRefresh(self),
                code));
    }

    /** A unit's number: {@code kv/3} is 3. */
    public static int number(String unit) {
        return UnitName.parse(unit).number();
    }
}
