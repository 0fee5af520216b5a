package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.RelationState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A simulated Juju model: applications deployed from {@link Charm}s, their units (one machine each), leadership,
 * config and relations between two applications with their data. Each operation queues the hooks Juju would fire, in
 * Juju's order, and runs them one at a time, each through a {@link HookDriver} (by default the production hook runner in this JVM) against an
 * {@link InMemoryJujuBackend} made from the model's state; what a hook changes (leader settings, relation data) queues
 * the hooks it causes on other units ({@code leader-settings-changed}, {@code -relation-changed}), run before the
 * operation returns. A machine in a series upgrade ({@link #prepareSeriesUpgrade}) holds its units' hooks until
 * {@link #completeSeriesUpgrade}.
 * <pre>{@code
 * Model model = new Model();
 * model.deploy("hello", Charm.of(HelloCharm.class).configYaml(yaml), 2);
 * model.config("hello", "greeting", "hi");
 * assertThat(model.unit("hello/1").hookNames())
 *         .containsExactly("install", "leader-settings-changed", "config-changed", "start", "config-changed");
 * System.out.println(model.timelineText());
 * }</pre>
 * A failed hook, or one hitting the flag loop's iteration cap, makes the operation throw {@link ModelHookFailed}; the
 * model keeps the hooks run before it.
 * Not thread-safe.
 */
public final class Model {
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final List<HookRun> timeline = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Deque<Event> pending = new ArrayDeque<>();
    private final Map<String, List<SeriesUpgradeStatus>> upgrades = new HashMap<>();
    private final Map<String, Set<Event>> held = new HashMap<>();
    private final HookDriver driver;
    private int nextMachine;
    private int nextRelation;

    /** A model whose hooks run in this JVM ({@link HookDriver#inProcess()}). */
    public Model() {
        this(HookDriver.inProcess());
    }

    /** A model whose hooks run through this driver. */
    public Model(HookDriver driver) {
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** A hook due on a unit; {@code relation} and {@code remoteUnit} are null unless it is a relation hook. */
    private record Event(Application app, SimulatedUnit unit, String hook, Relation relation, String remoteUnit) {
    }

    /** One side of a relation: an application and its endpoint. */
    private record Side(Application app, String endpoint) {
    }

    /** A relation between two applications, with the data each unit and application published. */
    private static final class Relation {
        private final int number;
        private final Side first;
        private final Side second;
        private final Map<String, Map<String, String>> unitData = new HashMap<>();
        private final Map<String, Map<String, String>> appData = new HashMap<>();
        private final Map<String, Set<String>> joined = new HashMap<>();

        private Relation(int number, Side first, Side second) {
            this.number = number;
            this.first = first;
            this.second = second;
        }

        private boolean involves(Application app) {
            return first.app == app || second.app == app;
        }

        private Side local(Application app) {
            return first.app == app ? first : second;
        }

        private Side remote(Application app) {
            return first.app == app ? second : first;
        }

        /** The relation's id as the application's units see it, e.g. {@code db:0}. */
        private String id(Application app) {
            return local(app).endpoint + ":" + number;
        }

        private Set<String> joinedBy(String unit) {
            return joined.computeIfAbsent(unit, u -> new TreeSet<>());
        }

        /** The relation as the unit's hook sees it: the remote units it has joined, and all the data. */
        private RelationState viewOf(Application app, String unit) {
            Application other = remote(app).app;
            RelationState view = RelationState.of(id(app), other.name)
                    .appData(appData.getOrDefault(other.name, Map.of()))
                    .localUnitData(unitData.getOrDefault(unit, Map.of()))
                    .localAppData(appData.getOrDefault(app.name, Map.of()));
            for (String remoteUnit : joinedBy(unit)) {
                view = view.unit(remoteUnit, unitData.getOrDefault(remoteUnit, Map.of()));
            }
            return view;
        }
    }

    /** One deployed application: its charm, config, leader, leader settings and units in the order added. */
    private static final class Application {
        private final String name;
        private final Charm charm;
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Map<String, SimulatedUnit> units = new LinkedHashMap<>();
        private Map<String, String> leaderSettings = Map.of();
        private String leader;
        private int nextUnit;

        private Application(String name, Charm charm) {
            this.name = name;
            this.charm = charm;
            charm.options().forEach(o -> config.put(o.name(), o.defaultValue()));
        }
    }

    /**
     * Deploys an application of {@code units} units, each on a new machine; the first unit is the leader. Each unit
     * runs install, then leader-elected (the leader) or leader-settings-changed (the others), config-changed, start.
     *
     * @return the new units, in order
     * @throws IllegalArgumentException if the name is taken or {@code units} is below 1
     */
    public List<SimulatedUnit> deploy(String application, Charm charm, int units) {
        Objects.requireNonNull(charm, "charm");
        if (applications.containsKey(application)) {
            throw new IllegalArgumentException("application " + application + " is already deployed; pick another name"
                    + " or use addUnit(\"" + application + "\")");
        }
        if (units < 1) {
            throw new IllegalArgumentException("deploy " + application + " with at least 1 unit, not " + units);
        }
        applications.put(application, new Application(application, charm));
        List<SimulatedUnit> added = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            added.add(addUnit(application));
        }
        return added;
    }

    /**
     * Adds a unit on a new machine; it runs install, leader-elected when the application has no leader (else
     * leader-settings-changed), config-changed, start.
     *
     * @throws IllegalArgumentException if the application is not deployed
     */
    public SimulatedUnit addUnit(String application) {
        Application app = application(application);
        String name = app.name + "/" + app.nextUnit++;
        SimulatedUnit unit = new SimulatedUnit(name, String.valueOf(nextMachine++));
        app.units.put(name, unit);
        fire(app, unit, "install");
        List<Relation> related = relations.stream().filter(r -> r.involves(app)).toList();
        related.forEach(r -> fireRelation(app, unit, "created", r, null));
        if (app.leader == null) {
            app.leader = name;
            fire(app, unit, "leader-elected");
        } else {
            fire(app, unit, "leader-settings-changed");
        }
        fire(app, unit, "config-changed");
        fire(app, unit, "start");
        for (Relation r : related) {
            Application other = r.remote(app).app;
            other.units.values().forEach(remote -> join(app, unit, r, remote));
            other.units.values().forEach(remote -> join(other, remote, r, unit));
        }
        drain();
        return unit;
    }

    /**
     * Removes a unit and its machine. In each of its relations, the unit runs {@code -relation-departed} for each
     * remote unit it joined, and each remote unit that joined it runs {@code -relation-departed} for it; then the unit
     * runs {@code -relation-broken} per relation, stop, and remove. When it was the leader, the first remaining unit
     * is elected and runs leader-elected (unless leadership is pinned by a series upgrade).
     *
     * @throws IllegalArgumentException if there is no such unit
     * @throws IllegalStateException if the unit's machine is in a series upgrade
     */
    public void removeUnit(String unitName) {
        SimulatedUnit unit = unit(unitName);
        if (seriesUpgradeStatus(unit.machine()) != SeriesUpgradeStatus.NOT_STARTED) {
            throw new IllegalStateException("cannot remove " + unitName + " while machine " + unit.machine()
                    + " is in a series upgrade (" + seriesUpgradeStatus(unit.machine()) + "); complete it first");
        }
        Application app = applications.get(unit.application());
        List<Relation> related = relations.stream().filter(r -> r.involves(app)).toList();
        for (Relation r : related) {
            Application other = r.remote(app).app;
            r.joinedBy(unitName).forEach(remote -> fireRelation(app, unit, "departed", r, remote));
            other.units.values().stream().filter(o -> r.joinedBy(o.name()).contains(unitName))
                    .forEach(o -> fireRelation(other, o, "departed", r, unitName));
        }
        related.forEach(r -> fireRelation(app, unit, "broken", r, null));
        fire(app, unit, "stop");
        fire(app, unit, "remove");
        drain();
        app.units.remove(unitName);
        if (unitName.equals(app.leader)) {
            app.leader = null;
            electLeaders();
        }
    }

    /** Elects the first unit of each application without a leader whose leadership is not pinned. */
    private void electLeaders() {
        applications.values().stream().filter(app -> app.leader == null && !pinned(app))
                .forEach(app -> app.units.values().stream().findFirst().ifPresent(next -> {
                    app.leader = next.name();
                    fire(app, next, "leader-elected");
                }));
        drain();
    }

    /**
     * Prepares the machine for a series upgrade, as {@code juju upgrade-machine <machine> prepare} does: pins the
     * leadership of its units' applications, runs pre-series-upgrade on each of its units, and leaves the machine
     * in {@code prepare completed}. From then until {@link #completeSeriesUpgrade}, no hook runs on its units: the
     * hooks other operations cause there are held, and a leader removed elsewhere is not replaced.
     *
     * @throws IllegalArgumentException if no unit runs on the machine
     * @throws IllegalStateException if the machine's series upgrade has already started
     */
    public void prepareSeriesUpgrade(String machine) {
        List<SimulatedUnit> units = unitsOn(machine, SeriesUpgradeStatus.NOT_STARTED,
                "is already prepared for a series upgrade", "run completeSeriesUpgrade(\"" + machine + "\")");
        upgrades.put(machine, new ArrayList<>(List.of(SeriesUpgradeStatus.PREPARE_STARTED)));
        enter(machine, SeriesUpgradeStatus.PREPARE_RUNNING);
        runOnEach(units, "pre-series-upgrade");
        enter(machine, SeriesUpgradeStatus.PREPARE_COMPLETED);
    }

    /**
     * Completes the machine's series upgrade, as {@code juju upgrade-machine <machine> complete} does: runs
     * post-series-upgrade on each of its units, then the hooks held since the preparation (each distinct hook once,
     * in the order first caused), unpins leadership and elects leaders where one was removed. The machine's status
     * then returns to {@code not started}.
     *
     * @throws IllegalArgumentException if no unit runs on the machine
     * @throws IllegalStateException if the machine was not prepared
     */
    public void completeSeriesUpgrade(String machine) {
        List<SimulatedUnit> units = unitsOn(machine, SeriesUpgradeStatus.PREPARE_COMPLETED,
                "has not been prepared for a series upgrade", "run prepareSeriesUpgrade(\"" + machine + "\") first");
        enter(machine, SeriesUpgradeStatus.COMPLETE_STARTED);
        enter(machine, SeriesUpgradeStatus.COMPLETE_RUNNING);
        runOnEach(units, "post-series-upgrade");
        enter(machine, SeriesUpgradeStatus.COMPLETED);
        pending.addAll(held.getOrDefault(machine, Set.of()));
        held.remove(machine);
        drain();
        electLeaders();
        upgrades.get(machine).add(SeriesUpgradeStatus.NOT_STARTED);
    }

    /** The machine's series upgrade status now; {@code not started} when none was prepared or it completed. */
    public SeriesUpgradeStatus seriesUpgradeStatus(String machine) {
        List<SeriesUpgradeStatus> history = upgrades.get(machine);
        return history == null ? SeriesUpgradeStatus.NOT_STARTED : history.get(history.size() - 1);
    }

    /** Every series upgrade status the machine went through, in order; empty when none was prepared. */
    public List<SeriesUpgradeStatus> seriesUpgradeHistory(String machine) {
        return List.copyOf(upgrades.getOrDefault(machine, List.of()));
    }

    /** Whether the application's leadership is pinned: one of its units is on a machine in a series upgrade. */
    private boolean pinned(Application app) {
        return app.units.values().stream().map(u -> seriesUpgradeStatus(u.machine()))
                .anyMatch(s -> s != SeriesUpgradeStatus.NOT_STARTED && s != SeriesUpgradeStatus.COMPLETED);
    }

    private void enter(String machine, SeriesUpgradeStatus status) {
        upgrades.get(machine).add(status);
    }

    /** The machine's units, when its series upgrade status is {@code expected}; else an error saying why and what to do. */
    private List<SimulatedUnit> unitsOn(String machine, SeriesUpgradeStatus expected, String refusal, String remedy) {
        List<SimulatedUnit> units = units().stream().filter(u -> u.machine().equals(machine)).toList();
        if (units.isEmpty()) {
            throw new IllegalArgumentException("units for machine \"" + machine + "\" not found");
        }
        SeriesUpgradeStatus status = seriesUpgradeStatus(machine);
        if (status != expected) {
            throw new IllegalStateException("machine " + machine + " " + refusal + "; its status is \"" + status
                    + "\"; " + remedy);
        }
        return units;
    }

    private void runOnEach(List<SimulatedUnit> units, String hook) {
        units.forEach(u -> fire(applications.get(u.application()), u, hook));
        drain();
    }

    /**
     * Sets one config option of an application, as {@code juju config} does; every unit runs config-changed. A null
     * value resets the option to its default.
     *
     * @throws IllegalArgumentException if the application is not deployed or its config.yaml does not declare it
     */
    public void config(String application, String option, Object value) {
        Application app = application(application);
        Object defaultValue = app.charm.option(app.name, option).defaultValue();
        app.config.put(option, value == null ? defaultValue : value);
        app.units.values().forEach(u -> fire(app, u, "config-changed"));
        drain();
    }

    /** Runs update-status on every unit of every application, in deployment order. */
    public void updateStatus() {
        applications.values().forEach(app -> app.units.values().forEach(u -> fire(app, u, "update-status")));
        drain();
    }

    /**
     * Relates two applications' endpoints, each written {@code application:endpoint}, as {@code juju integrate} does:
     * every unit runs {@code <endpoint>-relation-created}, then each unit runs {@code -relation-joined} and
     * {@code -relation-changed} for each remote unit. Data a unit or leader publishes afterwards runs
     * {@code -relation-changed} on the remote units that have joined it. The relation's id is
     * {@code <local endpoint>:<n>} on each side, with the same n.
     *
     * @throws IllegalArgumentException if an application is not deployed, its metadata does not declare the endpoint,
     *     the interfaces differ, or both sides are one application (peer relations are not simulated yet)
     */
    public void relate(String first, String second) {
        Side a = side(first);
        Side b = side(second);
        if (a.app == b.app) {
            throw new IllegalArgumentException("cannot relate " + first + " to " + second
                    + ": both are application " + a.app.name + "; peer relations are not simulated yet");
        }
        String interfaceA = declaration(a).interfaceName();
        String interfaceB = declaration(b).interfaceName();
        if (!interfaceA.equals(interfaceB)) {
            throw new IllegalArgumentException("cannot relate " + first + " (interface " + interfaceA + ") to "
                    + second + " (interface " + interfaceB + "); both ends must declare the same interface");
        }
        Relation relation = new Relation(nextRelation++, a, b);
        relations.add(relation);
        for (Side side : List.of(a, b)) {
            side.app.units.values().forEach(u -> fireRelation(side.app, u, "created", relation, null));
        }
        for (Side side : List.of(a, b)) {
            Application other = relation.remote(side.app).app;
            side.app.units.values().forEach(u -> other.units.values().forEach(r -> join(side.app, u, relation, r)));
        }
        drain();
    }

    /**
     * The data a unit, or an application's leader when {@code unitOrApp} is an application name, published in the
     * relation between two applications; empty when it published none.
     *
     * @throws IllegalArgumentException if the two applications are not related
     */
    public Map<String, String> relationData(String application, String remoteApplication, String unitOrApp) {
        Application app = application(application);
        Application other = application(remoteApplication);
        Relation relation = relations.stream().filter(r -> r.involves(app) && r.remote(app).app == other).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(application + " and " + remoteApplication
                        + " are not related; call relate(\"" + application + ":<endpoint>\", \"" + remoteApplication
                        + ":<endpoint>\") first"));
        Map<String, String> data = unitOrApp.contains("/") ? relation.unitData.get(unitOrApp)
                : relation.appData.get(unitOrApp);
        return data == null ? Map.of() : Map.copyOf(data);
    }

    /**
     * A unit now in the model.
     *
     * @throws IllegalArgumentException if there is no such unit, listing those there are
     */
    public SimulatedUnit unit(String unitName) {
        return applications.values().stream().map(a -> a.units.get(unitName)).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitName + " in the model; its units are "
                        + units().stream().map(SimulatedUnit::name).toList()));
    }

    /** The units now in the model, by application in deployment order, then in the order added. */
    public List<SimulatedUnit> units() {
        return applications.values().stream().flatMap(a -> a.units.values().stream()).toList();
    }

    /**
     * The application's leader now, absent only when all its units were removed.
     *
     * @throws IllegalArgumentException if the application is not deployed
     */
    public Optional<String> leader(String application) {
        return Optional.ofNullable(application(application).leader);
    }

    /** The application's leader settings now. */
    public Map<String, String> leaderSettings(String application) {
        return application(application).leaderSettings;
    }

    /** Every hook the model ran, in order, removed units' included. */
    public List<HookRun> timeline() {
        return List.copyOf(timeline);
    }

    /** The timeline as text, one hook a line (see {@link HookRun#toString()}). */
    public String timelineText() {
        return timeline.stream().map(HookRun::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    private Application application(String name) {
        Application app = applications.get(Objects.requireNonNull(name, "application"));
        if (app == null) {
            throw new IllegalArgumentException("application " + name + " is not deployed; deployed: "
                    + applications.keySet());
        }
        return app;
    }

    private Side side(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + text + "\" names no endpoint; write application:endpoint,"
                    + " e.g. wordpress:db");
        }
        return new Side(application(text.substring(0, colon)), text.substring(colon + 1));
    }

    private static RelationDeclaration declaration(Side side) {
        return side.app.charm.relations().stream().filter(d -> d.name().equals(side.endpoint)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("application " + side.app.name + " has no endpoint '"
                        + side.endpoint + "'; its metadata declares " + side.app.charm.relations().stream()
                                .map(RelationDeclaration::name).toList()));
    }

    private void fire(Application app, SimulatedUnit unit, String hook) {
        pending.add(new Event(app, unit, hook, null, null));
    }

    private void fireRelation(Application app, SimulatedUnit unit, String kind, Relation relation, String remoteUnit) {
        pending.add(new Event(app, unit, relation.local(app).endpoint + "-relation-" + kind, relation, remoteUnit));
    }

    /** The unit joins the remote unit: joined, then changed. */
    private void join(Application app, SimulatedUnit unit, Relation relation, SimulatedUnit remote) {
        fireRelation(app, unit, "joined", relation, remote.name());
        fireRelation(app, unit, "changed", relation, remote.name());
    }

    private void drain() {
        while (!pending.isEmpty()) {
            Event event = pending.poll();
            String machine = event.unit.machine();
            SeriesUpgradeStatus status = seriesUpgradeStatus(machine);
            if (status == SeriesUpgradeStatus.PREPARE_COMPLETED || status == SeriesUpgradeStatus.COMPLETE_STARTED) {
                held.computeIfAbsent(machine, m -> new LinkedHashSet<>()).add(event);
            } else {
                run(event);
            }
        }
    }

    private void run(Event event) {
        Application app = event.app;
        SimulatedUnit unit = event.unit;
        String hook = event.hook;
        if (hook.endsWith("-relation-joined")) {
            event.relation.joinedBy(unit.name()).add(event.remoteUnit);
        } else if (hook.endsWith("-relation-departed")) {
            event.relation.joinedBy(unit.name()).remove(event.remoteUnit);
        }
        boolean leader = unit.name().equals(app.leader);
        InMemoryJujuBackend backend = new InMemoryJujuBackend(app.config, leader, app.leaderSettings, unit.status(),
                Map.of());
        List<Relation> related = relations.stream().filter(r -> r.involves(app)).toList();
        backend.setRelations(unit.name(), related.stream().map(r -> r.viewOf(app, unit.name())).toList());
        JsonObject before = unit.stateForHook();
        HookRequest request = new HookRequest(app.charm, unit.name(), unit.machine(), hook,
                Optional.ofNullable(event.relation).map(r -> r.id(app)), Optional.ofNullable(event.remoteUnit),
                Optional.ofNullable(event.relation).map(r -> r.remote(app).app.name), Optional.empty(),
                Optional.empty(), Optional.empty(), before);
        HookOutcome outcome;
        try {
            outcome = driver.run(request, backend);
        } catch (HookFailedException e) {
            String log = e.log().stream().map(LogLine::toString).collect(Collectors.joining("\n"));
            throw new ModelHookFailed("hook " + hook + " failed on unit " + unit.name() + ": " + e.getMessage()
                    + "\n--- log of " + unit.name() + " " + hook + " ---\n" + log, e.getCause());
        }
        Set<String> flagsBefore = UnitState.fromJson(before).flags();
        Set<String> flagsAfter = UnitState.fromJson(outcome.state()).flags();
        List<StatusValue> statuses = backend.statusHistory(false);
        HookRun record = new HookRun(timeline.size() + 1, unit.name(), hook, outcome.invoked(),
                difference(flagsAfter, flagsBefore), difference(flagsBefore, flagsAfter),
                statuses.get(statuses.size() - 1));
        timeline.add(record);
        unit.recordHook(record, outcome.state(), statuses.subList(1, statuses.size()), outcome.log());
        if (leader && !backend.leaderSettings().equals(app.leaderSettings)) {
            app.leaderSettings = backend.leaderSettings();
            app.units.values().stream().filter(u -> u != unit).forEach(u -> fire(app, u, "leader-settings-changed"));
        }
        related.forEach(r -> publish(app, unit, r, backend));
    }

    /** Stores what the unit published in the relation; each remote unit that joined it runs relation-changed. */
    private void publish(Application app, SimulatedUnit unit, Relation relation, InMemoryJujuBackend backend) {
        String id = relation.id(app);
        Map<String, String> unitData = backend.relationData(id, unit.name(), false);
        Map<String, String> appData = backend.relationData(id, app.name, true);
        boolean changed = !unitData.equals(relation.unitData.getOrDefault(unit.name(), Map.of()))
                | !appData.equals(relation.appData.getOrDefault(app.name, Map.of()));
        relation.unitData.put(unit.name(), new TreeMap<>(unitData));
        relation.appData.put(app.name, new TreeMap<>(appData));
        if (changed) {
            Application other = relation.remote(app).app;
            other.units.values().stream().filter(r -> relation.joinedBy(r.name()).contains(unit.name()))
                    .forEach(r -> fireRelation(other, r, "changed", relation, unit.name()));
        }
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        TreeSet<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return List.copyOf(result);
    }
}
