package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import dev.charms.reactive.action.ActionParamsException;
import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.runtime.CharmFiles;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.RelationState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * A simulated Juju model: applications deployed from {@link Charm}s, their units (a principal unit on a machine of its
 * own, a subordinate unit on its principal's), leadership, config, relations (between two applications, peer,
 * and container-scoped ones to subordinates) with their data, charm refreshes, actions and machine series upgrades.
 * Each operation queues the hooks Juju would fire, in Juju's order, and runs them one at a time, each through a
 * {@link HookDriver} (by default the production hook runner in this JVM) against an {@link InMemoryJujuBackend} made
 * from the model's state; what a hook changes (leader settings, relation data) queues the hooks it causes on other
 * units ({@code leader-settings-changed}, {@code -relation-changed}), run before the operation returns. A machine in a
 * series upgrade ({@link #prepareSeriesUpgrade}) holds its units' hooks until {@link #completeSeriesUpgrade}, and pins
 * the leadership of its applications.
 * <pre>{@code
 * Model model = new Model();
 * model.deploy("hello", Charm.of(HelloCharm.class).configYaml(yaml), 2);
 * model.config("hello", "greeting", "hi");
 * assertThat(model.unit("hello/1").hookNames())
 *         .containsExactly("install", "leader-settings-changed", "config-changed", "start", "config-changed");
 * System.out.println(model.timelineText());
 * }</pre>
 * A failed hook, or one hitting the flag loop's iteration cap, makes the operation throw {@link ModelHookFailed}; the
 * model keeps the hooks run before it. An operation Juju would refuse throws {@link IllegalArgumentException} (bad
 * names, declarations, parameters) or {@link IllegalStateException} (not now), saying why and what to do.
 * Not thread-safe.
 */
public final class Model {
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final List<HookRun> timeline = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Deque<Event> pending = new ArrayDeque<>();
    private final Map<String, List<SeriesUpgradeStatus>> upgrades = new HashMap<>();
    private final Map<String, List<SimulatedUnit>> upgrading = new HashMap<>();
    private final Map<String, String> targetBases = new HashMap<>();
    private final Map<String, Set<Event>> held = new HashMap<>();
    private final Set<String> leaving = new HashSet<>();
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

    /**
     * A hook due on a unit. {@code relation} is null unless it is a relation hook; {@code remoteUnit} is null unless
     * the hook is about one remote unit; {@code departingUnit} is null outside relation-departed; {@code action} is
     * null unless the event runs an action, whose name is then {@code hook}.
     */
    private record Event(SimulatedUnit unit, String hook, Relation relation, String remoteUnit, String departingUnit,
            ActionInvocation action) {
    }

    /** One side of a relation: an application and its endpoint. */
    private record Side(Application app, String endpoint) {
    }

    /** What running one event left: the backend the hook wrote to, and the failure of a failed action. */
    private record Execution(InMemoryJujuBackend backend, HookFailedException failure) {
    }

    /**
     * A relation between two applications, or a peer relation of one (both sides the same), with the data each unit and
     * application published, the remote units each unit has joined, and the units in its scope (from their
     * relation-created until their relation-broken).
     */
    private static final class Relation {
        private final int number;
        private final Side first;
        private final Side second;
        private final boolean containerScoped;
        private final Map<String, Map<String, String>> unitData = new HashMap<>();
        private final Map<String, Map<String, String>> appData = new HashMap<>();
        private final Map<String, Set<String>> joined = new HashMap<>();
        private final Set<String> scope = new HashSet<>();
        private boolean removed;

        private Relation(int number, Side first, Side second, boolean containerScoped) {
            this.number = number;
            this.first = first;
            this.second = second;
            this.containerScoped = containerScoped;
        }

        private boolean peer() {
            return first == second;
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

        /** Whether two units of the relation's two sides see each other: in a container-scoped one, on one machine. */
        private boolean pairs(SimulatedUnit a, SimulatedUnit b) {
            return a != b && (!containerScoped || a.machine().equals(b.machine()));
        }

        /**
         * The relation as the unit's hook sees it: the remote units it has joined, and all the data; in its
         * relation-departed, the departing remote unit too, whose data stays readable.
         */
        private RelationState viewOf(Application app, String unit, Event event) {
            Application other = remote(app).app;
            RelationState view = RelationState.of(id(app), other.name)
                    .appData(appData.getOrDefault(other.name, Map.of()))
                    .localUnitData(unitData.getOrDefault(unit, Map.of()))
                    .localAppData(appData.getOrDefault(app.name, Map.of()));
            for (String remoteUnit : joinedBy(unit)) {
                view = view.unit(remoteUnit, unitData.getOrDefault(remoteUnit, Map.of()));
            }
            if (event.relation == this && event.hook.endsWith("-relation-departed")) {
                view = view.departingUnit(event.remoteUnit, unitData.getOrDefault(event.remoteUnit, Map.of()));
            }
            return view;
        }

        /** E.g. {@code web:website proxy:backend}, as {@code juju status --relations} shows it. */
        @Override
        public String toString() {
            return first.app.name + ":" + first.endpoint + " " + second.app.name + ":" + second.endpoint;
        }
    }

    /**
     * One deployed application: its charm, the config values the operator set, leader, leader settings, status and
     * units in the order added.
     */
    private static final class Application {
        private final String name;
        private Charm charm;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        /** The settings as they were for each charm the application ran before, for units not yet upgraded. */
        private final Map<Charm, Map<String, Object>> earlierSettings = new HashMap<>();
        private final Map<String, SimulatedUnit> units = new LinkedHashMap<>();
        private Map<String, String> leaderSettings = Map.of();
        private String leader;
        /** The leader whose agent was killed, until another unit is elected; null otherwise. */
        private String deposed;
        private StatusValue status = new StatusValue("unknown", "");
        private int nextUnit;

        private Application(String name, Charm charm) {
            this.name = name;
            this.charm = charm;
        }

        /**
         * What {@code config-get --all} returns to a unit running {@code unitCharm}: every option of that charm, set
         * by the operator or its default. As in Juju, whose settings are kept per charm, a unit that has not run its
         * upgrade-charm yet sees its charm's options with the values they had when the application left it.
         */
        private Map<String, Object> config(Charm unitCharm) {
            Map<String, Object> values = unitCharm == charm ? settings : earlierSettings.get(unitCharm);
            Map<String, Object> config = new LinkedHashMap<>();
            unitCharm.options().forEach(o -> config.put(o.name(),
                    values.containsKey(o.name()) ? values.get(o.name()) : o.defaultValue()));
            return config;
        }
    }

    /**
     * Deploys an application. A principal application gets {@code units} units, each on a new machine: the first is
     * the leader and runs install, its peer relations' relation-created, leader-elected, config-changed and start;
     * the others run leader-settings-changed in place of leader-elected, then join each unit before them in every
     * peer relation (relation-joined and -changed on both). A subordinate application ({@code subordinate: true} in
     * its metadata) is deployed with 0 units; relating it to a principal over a container-scoped endpoint gives it
     * its units.
     *
     * @return the new units, in order
     * @throws IllegalArgumentException if the name is taken or not an application name, or {@code units} is below 1
     *     for a principal or not 0 for a subordinate
     */
    public List<SimulatedUnit> deploy(String application, Charm charm, int units) {
        Objects.requireNonNull(charm, "charm");
        if (applications.containsKey(application)) {
            throw new IllegalArgumentException("application " + application + " is already deployed; pick another name"
                    + " or use addUnit(\"" + application + "\")");
        }
        if (!UnitName.isApplicationName(application)) {
            throw new IllegalArgumentException("\"" + application + "\" is not an application name: use lowercase"
                    + " letters, digits and hyphens, starting with a letter, e.g. hello-world");
        }
        if (charm.subordinate() && units != 0) {
            throw new IllegalArgumentException("application " + application + " is a subordinate: it gets one unit per"
                    + " unit of the principal it is related to; deploy it with 0 units and relate it over its"
                    + " container-scoped endpoint");
        }
        if (!charm.subordinate() && units < 1) {
            throw new IllegalArgumentException("deploy " + application + " with at least 1 unit, not " + units);
        }
        Application app = new Application(application, charm);
        applications.put(application, app);
        charm.relations().stream().filter(d -> d.role() == RelationDeclaration.Role.PEERS)
                .forEach(d -> addPeerRelation(app, d.name()));
        List<SimulatedUnit> added = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            added.add(addUnit(application));
        }
        return added;
    }

    private Relation addPeerRelation(Application app, String endpoint) {
        Side side = new Side(app, endpoint);
        Relation relation = new Relation(nextRelation++, side, side, app.charm.containerScoped(endpoint));
        relations.add(relation);
        return relation;
    }

    /**
     * Adds a unit on a new machine; it runs install, relation-created for each relation of its application,
     * leader-elected when the application has no leader (else leader-settings-changed), config-changed, start, then
     * joins the remote units of each relation and they join it (relation-joined, -changed). Each subordinate related
     * to the application over a container-scoped relation gets a unit on the new machine, which does the same.
     *
     * @throws IllegalArgumentException if the application is not deployed or is a subordinate
     */
    public SimulatedUnit addUnit(String application) {
        Application app = application(application);
        if (app.charm.subordinate()) {
            throw new IllegalArgumentException("cannot add a unit to subordinate application " + application + ": it"
                    + " gets one unit per unit of its principal; add a unit to the principal instead");
        }
        SimulatedUnit unit = addUnitOn(app, String.valueOf(nextMachine++), null);
        drain();
        return unit;
    }

    /** Queues the hooks of a new unit (see {@link #addUnit}); {@code principal} is null for a principal unit. */
    private SimulatedUnit addUnitOn(Application app, String machine, SimulatedUnit principal) {
        SimulatedUnit unit = new SimulatedUnit(app.name + "/" + app.nextUnit++, machine,
                principal == null ? null : principal.name(), app.charm);
        app.units.put(unit.name(), unit);
        fire(unit, "install");
        List<Relation> related = relations.stream().filter(r -> !r.removed && relevant(r, unit)).toList();
        related.forEach(r -> fireRelation(unit, "created", r, null, null));
        if (app.leader == null && !pinned(app)) {
            app.leader = unit.name();
            fire(unit, "leader-elected");
        } else {
            fire(unit, "leader-settings-changed");
        }
        fire(unit, "config-changed");
        fire(unit, "start");
        for (Relation r : related) {
            List<SimulatedUnit> others = counterparts(r, unit);
            others.forEach(o -> join(unit, r, o));
            others.forEach(o -> join(o, r, unit));
        }
        if (principal == null) {
            related.stream().filter(r -> r.containerScoped && !r.peer())
                    .forEach(r -> addUnitOn(r.remote(app).app, machine, unit));
        }
        return unit;
    }

    /**
     * Removes a unit and its machine, with the units of its subordinates there first. In each of its relations, the
     * unit runs {@code -relation-departed} for each remote unit it joined, and each remote unit that joined it runs
     * {@code -relation-departed} for it ({@code JUJU_DEPARTING_UNIT} is the removed unit in both); then the unit runs
     * {@code -relation-broken} for each relation, its peer relations included, stop, and remove. When it was the
     * leader, the first remaining unit is elected and runs leader-elected (unless leadership is pinned by a series
     * upgrade).
     *
     * @throws IllegalArgumentException if there is no such unit, or it is a subordinate unit
     * @throws IllegalStateException if the unit's machine is in a series upgrade
     */
    public void removeUnit(String unitName) {
        SimulatedUnit unit = unit(unitName);
        if (unit.principal().isPresent()) {
            throw new IllegalArgumentException("unit " + unitName + " is a subordinate of " + unit.principal().get()
                    + "; remove the relation between their applications (removeRelation) or unit "
                    + unit.principal().get() + " itself");
        }
        if (seriesUpgradeStatus(unit.machine()) != SeriesUpgradeStatus.NOT_STARTED) {
            throw new IllegalStateException("cannot remove " + unitName + " while machine " + unit.machine()
                    + " is in a series upgrade (" + seriesUpgradeStatus(unit.machine()) + "); complete it first");
        }
        units().stream().filter(u -> u.principal().filter(unitName::equals).isPresent()).forEach(this::teardown);
        teardown(unit);
        drain();
    }

    /** Queues a unit's departure from its relations, its broken, stop and remove hooks (see {@link #removeUnit}). */
    private void teardown(SimulatedUnit unit) {
        leaving.add(unit.name());
        Application app = applicationOf(unit);
        List<Relation> related = relations.stream().filter(r -> !r.removed && relevant(r, unit)).toList();
        for (Relation r : related) {
            r.joinedBy(unit.name()).stream().filter(remote -> !leaving.contains(remote))
                    .forEach(remote -> fireRelation(unit, "departed", r, remote, unit.name()));
            r.remote(app).app.units.values().stream()
                    .filter(o -> !leaving.contains(o.name()) && r.joinedBy(o.name()).contains(unit.name()))
                    .forEach(o -> fireRelation(o, "departed", r, unit.name(), unit.name()));
        }
        related.forEach(r -> fireRelation(unit, "broken", r, null, null));
        fire(unit, "stop");
        fire(unit, "remove");
    }

    /**
     * Makes the application's leader lose its lease, as when its unit agent is killed: another unit is elected and
     * runs leader-elected, then the old leader at once runs leader-settings-changed (in which it is no longer the
     * leader). The new leader is the first unit in order other than the old one, or the old one again when it is the
     * only unit. While a series upgrade pins the application's leadership, the old leader keeps it, and the
     * election happens when the upgrade completes.
     *
     * @throws IllegalArgumentException if the application is not deployed
     * @throws IllegalStateException if it has no leader, or its leader already lost its lease
     */
    public void killLeader(String application) {
        Application app = application(application);
        if (app.leader == null) {
            throw new IllegalStateException("application " + application + " has no leader: all its units are gone;"
                    + " add one with addUnit(\"" + application + "\")");
        }
        if (app.deposed != null) {
            throw new IllegalStateException("the leader of " + application + ", " + app.deposed + ", has already lost"
                    + " its lease; another unit is elected when the series upgrade pinning its leadership completes");
        }
        app.deposed = app.leader;
        drain();
    }

    /**
     * Elects a leader for each application that has none, or whose leader lost its lease, unless its leadership is
     * pinned; the old leader then runs leader-settings-changed.
     *
     * @return whether any was elected, queueing hooks
     */
    private boolean electLeaders() {
        boolean elected = false;
        for (Application app : applications.values()) {
            if ((app.leader != null && app.deposed == null) || pinned(app) || app.units.isEmpty()) {
                continue;
            }
            String old = app.deposed;
            SimulatedUnit next = app.units.values().stream().filter(u -> !u.name().equals(old)).findFirst()
                    .orElse(app.units.get(old));
            app.leader = next.name();
            app.deposed = null;
            fire(next, "leader-elected");
            if (old != null && !old.equals(next.name())) {
                fire(app.units.get(old), "leader-settings-changed");
            }
            elected = true;
        }
        return elected;
    }

    /**
     * Prepares the machine for a series upgrade to {@code base}, as {@code juju upgrade-machine <machine> prepare
     * <base>} does: pins the leadership of its units' applications, runs pre-series-upgrade on each of its units
     * (subordinates included) with {@code JUJU_TARGET_BASE} set to the base, and leaves the machine in
     * {@code prepare completed}. From then until {@link #completeSeriesUpgrade}, no hook runs on its units: the hooks
     * other operations cause there are held, and a leader removed or killed elsewhere is not replaced. Juju always
     * names the target base, so there is no variant without one.
     *
     * @param base the target base, such as {@code ubuntu@24.04}
     * @throws IllegalArgumentException if the base is not {@code <os>@<channel>} or no unit runs on the machine
     * @throws IllegalStateException if the machine's series upgrade has already started
     */
    public void prepareSeriesUpgrade(String machine, String base) {
        if (!HookEnvironment.isBase(base)) {
            throw new IllegalArgumentException("cannot prepare machine " + machine + " for base \"" + base
                    + "\": a base is " + HookEnvironment.BASE_EXPECTED);
        }
        List<SimulatedUnit> units = unitsOn(machine, SeriesUpgradeStatus.NOT_STARTED,
                "is already prepared for a series upgrade", "run completeSeriesUpgrade(\"" + machine + "\")");
        upgrades.put(machine, new ArrayList<>(List.of(SeriesUpgradeStatus.PREPARE_STARTED)));
        upgrading.put(machine, units);
        targetBases.put(machine, base);
        enter(machine, SeriesUpgradeStatus.PREPARE_RUNNING);
        runOnEach(units, "pre-series-upgrade");
        enter(machine, SeriesUpgradeStatus.PREPARE_COMPLETED);
    }

    /**
     * Completes the machine's series upgrade, as {@code juju upgrade-machine <machine> complete} does: runs
     * post-series-upgrade on each unit that ran pre-series-upgrade, then the hooks held since the preparation (each
     * distinct hook once, in the order first caused, except that a held config-changed follows a held
     * upgrade-charm), unpins leadership and elects leaders where one was removed or lost its lease. The machine's
     * status then returns to {@code not started}.
     *
     * @throws IllegalArgumentException if no unit runs on the machine
     * @throws IllegalStateException if the machine was not prepared
     */
    public void completeSeriesUpgrade(String machine) {
        unitsOn(machine, SeriesUpgradeStatus.PREPARE_COMPLETED, "has not been prepared for a series upgrade",
                "run prepareSeriesUpgrade(\"" + machine + "\", base) first");
        enter(machine, SeriesUpgradeStatus.COMPLETE_STARTED);
        enter(machine, SeriesUpgradeStatus.COMPLETE_RUNNING);
        targetBases.remove(machine);
        runOnEach(upgrading.remove(machine), "post-series-upgrade");
        enter(machine, SeriesUpgradeStatus.COMPLETED);
        pending.addAll(held.getOrDefault(machine, Set.of()));
        held.remove(machine);
        drain();
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
        units.forEach(u -> fire(u, hook));
        drain();
    }

    /**
     * Sets one config option of an application, as {@code juju config} does; every unit runs config-changed. A null
     * value resets the option to its default. An {@code int} option takes any integral number (stored as Long), a
     * {@code float} any number (stored as Double).
     *
     * @throws IllegalArgumentException if the application is not deployed, its config.yaml does not declare the
     *     option, or the value does not fit the option's type
     */
    public void config(String application, String option, Object value) {
        Application app = application(application);
        ConfigOption declared = app.charm.option(app.name, option);
        if (value == null) {
            app.settings.remove(option);
        } else {
            app.settings.put(option, configValue(app, declared, value));
        }
        app.units.values().forEach(u -> fire(u, "config-changed"));
        drain();
    }

    private static Object configValue(Application app, ConfigOption option, Object value) {
        boolean integral = value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte;
        Object converted = switch (option.type()) {
            case "int" -> integral ? ((Number) value).longValue() : null;
            case "float" -> value instanceof Number n ? n.doubleValue() : null;
            case "boolean" -> value instanceof Boolean ? value : null;
            default -> value instanceof String ? value : null;
        };
        if (converted == null) {
            throw new IllegalArgumentException("option '" + option.name() + "' of application " + app.name + " is of"
                    + " type " + option.type() + "; " + value + " (" + value.getClass().getSimpleName() + ") is not;"
                    + " give a value of that type, or null for the default");
        }
        return converted;
    }

    /** Runs update-status on every unit of every application, in deployment order. */
    public void updateStatus() {
        applications.values().forEach(app -> app.units.values().forEach(u -> fire(u, "update-status")));
        drain();
    }

    /**
     * Relates two applications' endpoints, each written {@code application:endpoint}, as {@code juju integrate}
     * does: every unit runs {@code <endpoint>-relation-created}, then each unit runs {@code -relation-joined} and
     * {@code -relation-changed} for each remote unit. Data a unit publishes afterwards runs {@code -relation-changed}
     * on the remote units that have joined it ({@code JUJU_REMOTE_UNIT} the publisher); data the leader publishes
     * for its application runs it on every remote unit, attributed to the application ({@code JUJU_REMOTE_APP} set,
     * no remote unit), as Juju does. The relation's id is {@code <local endpoint>:<n>} on each side, with the same
     * n. Every charm provides {@code juju-info} without declaring it.
     *
     * <p>When either endpoint is container-scoped, one application must be a subordinate: the principal's units run
     * relation-created, then each gets a unit of the subordinate on its machine, which runs install, relation-created,
     * leader-elected or leader-settings-changed, config-changed and start, and then it and its principal unit join
     * each other (they see no other unit in that relation).
     *
     * @throws IllegalArgumentException if an application is not deployed, its metadata does not declare the endpoint,
     *     both are one application, an endpoint is a peer one, both provide or both require, the interfaces differ,
     *     the endpoints are already related, or a container-scoped relation does not join a subordinate to a
     *     principal
     */
    public void relate(String first, String second) {
        Side a = side(first);
        Side b = side(second);
        if (a.app == b.app) {
            throw new IllegalArgumentException("cannot relate " + first + " to " + second + ": both are application "
                    + a.app.name + ", whose peer relations are established when it is deployed");
        }
        RelationDeclaration declarationA = declaration(a);
        RelationDeclaration declarationB = declaration(b);
        for (Side side : List.of(a, b)) {
            if (declaration(side).role() == RelationDeclaration.Role.PEERS) {
                throw new IllegalArgumentException("cannot relate " + first + " to " + second + ": " + side.app.name
                        + ":" + side.endpoint + " is a peer endpoint, established among " + side.app.name
                        + "'s own units when it is deployed");
            }
        }
        if (declarationA.role() == declarationB.role()) {
            throw new IllegalArgumentException("cannot relate " + first + " to " + second + ": both are "
                    + declarationA.role().key() + " endpoints; one end must provide the interface and the other"
                    + " require it");
        }
        if (!declarationA.interfaceName().equals(declarationB.interfaceName())) {
            throw new IllegalArgumentException("cannot relate " + first + " (interface " + declarationA.interfaceName()
                    + ") to " + second + " (interface " + declarationB.interfaceName() + "); both ends must declare"
                    + " the same interface");
        }
        if (relations.stream().anyMatch(r -> !r.removed && (r.first.equals(a) && r.second.equals(b)
                || r.first.equals(b) && r.second.equals(a)))) {
            throw new IllegalArgumentException(first + " and " + second + " are already related");
        }
        boolean container = a.app.charm.containerScoped(a.endpoint) || b.app.charm.containerScoped(b.endpoint);
        if (container && a.app.charm.subordinate() == b.app.charm.subordinate()) {
            throw new IllegalArgumentException("cannot relate " + first + " to " + second + ": a container-scoped"
                    + " relation attaches a subordinate to a principal, and " + (a.app.charm.subordinate()
                            ? "both are subordinates" : "neither is a subordinate (subordinate: true in metadata.yaml)"));
        }
        Relation relation = new Relation(nextRelation++, a, b, container);
        relations.add(relation);
        if (container) {
            Application principal = a.app.charm.subordinate() ? b.app : a.app;
            List<SimulatedUnit> principalUnits = List.copyOf(principal.units.values());
            principalUnits.forEach(u -> fireRelation(u, "created", relation, null, null));
            principalUnits.forEach(u -> addUnitOn(relation.remote(principal).app, u.machine(), u));
        } else {
            for (Side side : List.of(a, b)) {
                side.app.units.values().forEach(u -> fireRelation(u, "created", relation, null, null));
            }
            for (Side side : List.of(a, b)) {
                side.app.units.values().forEach(u -> counterparts(relation, u).forEach(o -> join(u, relation, o)));
            }
        }
        drain();
    }

    /**
     * Removes the relation between two applications, each written {@code application} or
     * {@code application:endpoint} (the endpoint is needed only when they are related more than once), as
     * {@code juju remove-relation} does: on each side, every unit runs {@code -relation-departed} for each remote
     * unit it joined ({@code JUJU_DEPARTING_UNIT} that remote unit), then every unit of both sides runs
     * {@code -relation-broken}. When the relation attached a subordinate, its units there are then removed: they
     * depart their other relations, run broken for them, stop and remove.
     *
     * @throws IllegalArgumentException if an application is not deployed, both are one application (a peer relation
     *     cannot be removed), they are not related (over those endpoints), or related more than once and no endpoint
     *     says which
     */
    public void removeRelation(String first, String second) {
        Relation relation = relationBetween(first, second);
        relation.removed = true;
        List<SimulatedUnit> members = new ArrayList<>();
        for (Side side : List.of(relation.first, relation.second)) {
            side.app.units.values().stream().filter(u -> relevant(relation, u)).forEach(members::add);
        }
        members.forEach(u -> relation.joinedBy(u.name())
                .forEach(remote -> fireRelation(u, "departed", relation, remote, remote)));
        members.forEach(u -> fireRelation(u, "broken", relation, null, null));
        if (relation.containerScoped) {
            members.stream().filter(u -> u.principal().isPresent()).forEach(this::teardown);
        }
        drain();
    }

    /** The live relation two {@code application[:endpoint]} texts name; else an error saying why and what to do. */
    private Relation relationBetween(String first, String second) {
        String[] a = first.split(":", 2);
        String[] b = second.split(":", 2);
        Application appA = application(a[0]);
        Application appB = application(b[0]);
        if (appA == appB) {
            throw new IllegalArgumentException("cannot remove a relation of " + appA.name + " with itself: peer"
                    + " relations last as long as the application");
        }
        List<Relation> candidates = relations.stream()
                .filter(r -> !r.removed && !r.peer() && r.involves(appA) && r.remote(appA).app == appB)
                .filter(r -> a.length == 1 || r.local(appA).endpoint.equals(a[1]))
                .filter(r -> b.length == 1 || r.local(appB).endpoint.equals(b[1]))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the relation between " + first + " and " + second
                    + ": they are not related; the relations of " + appA.name + " are " + relations.stream()
                            .filter(r -> !r.removed && !r.peer() && r.involves(appA)).map(Relation::toString).toList());
        }
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("cannot remove the relation between " + first + " and " + second
                    + ": they are related more than once " + candidates.stream().map(Relation::toString).toList()
                    + "; name the endpoints, e.g. removeRelation(\"" + candidates.get(0).first.app.name + ":"
                    + candidates.get(0).first.endpoint + "\", \"" + candidates.get(0).second.app.name + ":"
                    + candidates.get(0).second.endpoint + "\")");
        }
        return candidates.get(0);
    }

    /**
     * Refreshes an application to another charm, as {@code juju refresh} does: every unit runs upgrade-charm, then
     * config-changed. Options the new charm adds take their defaults, options it drops disappear with the values
     * the operator had set for them (as Juju drops them), and the values set for the options it keeps stay. A peer
     * relation the new charm adds is established: each unit runs its relation-created, then the units join each
     * other. On a machine in a series upgrade the hooks are held, and the unit runs its old charm, with the config
     * that charm had, until its held upgrade-charm runs after post-series-upgrade.
     *
     * @throws IllegalArgumentException if the application is not deployed, the new charm has the revision the
     *     application runs, changes whether it is a subordinate, or lacks an endpoint (with its role and interface)
     *     that one of the application's relations uses
     */
    public void refresh(String application, Charm newCharm) {
        Application app = application(application);
        Objects.requireNonNull(newCharm, "newCharm");
        if (newCharm.revision() == app.charm.revision()) {
            throw new IllegalArgumentException("application " + application + " already runs revision "
                    + newCharm.revision() + " of its charm; refresh to another, e.g. newCharm.revision("
                    + (newCharm.revision() + 1) + ")");
        }
        if (newCharm.subordinate() != app.charm.subordinate()) {
            throw new IllegalArgumentException("cannot refresh " + application + ": the deployed charm is "
                    + (app.charm.subordinate() ? "" : "not ") + "a subordinate and the new one is"
                    + (newCharm.subordinate() ? "" : " not") + "; an application cannot change that");
        }
        List<String> broken = relations.stream().filter(r -> !r.removed && r.involves(app))
                .filter(r -> !declared(newCharm, r.local(app).endpoint).equals(Optional.of(declaration(r.local(app)))))
                .map(r -> r + " (" + r.local(app).endpoint + ": " + declaration(r.local(app)).role().key() + " "
                        + declaration(r.local(app)).interfaceName() + ")")
                .toList();
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("cannot refresh " + application + " to revision " + newCharm.revision()
                    + ": it would break " + broken + "; keep those endpoints in the new charm's metadata.yaml, or"
                    + " remove the relations first");
        }
        app.earlierSettings.put(app.charm, Map.copyOf(app.settings));
        app.charm = newCharm;
        app.settings.keySet().retainAll(newCharm.options().stream().map(ConfigOption::name).toList());
        app.units.values().forEach(u -> {
            fire(u, "upgrade-charm");
            fire(u, "config-changed");
        });
        Set<String> peers = relations.stream().filter(r -> r.peer() && r.involves(app)).map(r -> r.first.endpoint)
                .collect(Collectors.toSet());
        newCharm.relations().stream().filter(d -> d.role() == RelationDeclaration.Role.PEERS)
                .filter(d -> !peers.contains(d.name())).map(d -> addPeerRelation(app, d.name()))
                .forEach(r -> {
                    app.units.values().forEach(u -> fireRelation(u, "created", r, null, null));
                    app.units.values().forEach(u -> counterparts(r, u).forEach(o -> join(u, r, o)));
                });
        drain();
    }

    /**
     * Runs an action on a unit, as {@code juju run <unit> <action>} does: the parameters are checked against the
     * unit's charm's {@code actions.yaml} and its defaults added, then the unit runs the action (its {@code @Action}
     * handlers, then the flag loop). An action whose hook fails does not fail the operation, as in Juju: the result
     * is {@code failed} with the failure's message, the unit keeps its state, and the hook's log is in the unit's
     * log. What the action changes (leader settings, relation data) runs its hooks on the other units before this
     * returns. The timeline shows it as hook {@code actions/<action>}.
     *
     * @param params the parameters, as Java values (numbers may be Integer, they are given to the charm as Long)
     * @throws IllegalArgumentException if there is no such unit, its charm declares no such action, or a parameter
     *     does not match the declaration (the message names it)
     * @throws IllegalStateException if the unit's machine is in a series upgrade, where no hook or action runs
     */
    public ActionResult runAction(String unitName, String action, Map<String, ?> params) {
        SimulatedUnit unit = unit(unitName);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(params, "params");
        SeriesUpgradeStatus upgrade = seriesUpgradeStatus(unit.machine());
        if (upgrade != SeriesUpgradeStatus.NOT_STARTED) {
            throw new IllegalStateException("cannot run action " + action + " on " + unitName + ": machine "
                    + unit.machine() + " is in a series upgrade (" + upgrade + ") and runs no hook or action until it"
                    + " completes; run completeSeriesUpgrade(\"" + unit.machine() + "\") first");
        }
        ActionSpec spec = unit.charm().actions().get(action);
        if (spec == null) {
            throw new IllegalArgumentException("application " + unit.application() + " has no action '" + action
                    + "'; its actions.yaml declares " + unit.charm().actions().keySet()
                    + " (declare actions with Charm.actionsYaml)");
        }
        Map<String, Object> given = new LinkedHashMap<>();
        params.forEach((name, value) -> given.put(name, ActionsYaml.widen(value)));
        Map<String, Object> validated;
        try {
            validated = spec.validate(given);
        } catch (ActionParamsException e) {
            throw new IllegalArgumentException(e.getMessage() + "; as declared in the actions.yaml of application "
                    + unit.application(), e);
        }
        Execution execution = execute(new Event(unit, action, null, null, null,
                new ActionInvocation(action, validated)));
        drain();
        InMemoryJujuBackend backend = execution.backend;
        Optional<String> failure = execution.failure == null ? backend.actionFailure()
                : Optional.of(execution.failure.getMessage());
        return new ActionResult(failure.isPresent() ? ActionResult.FAILED : ActionResult.COMPLETED,
                backend.actionResults(), failure, backend.actionLog());
    }

    /**
     * The data a unit, or an application's leader when {@code unitOrApp} is an application name, published in the
     * relation between two applications (for a peer relation, the same application twice); empty when it published
     * none.
     *
     * @throws IllegalArgumentException if the two applications are not related
     */
    public Map<String, String> relationData(String application, String remoteApplication, String unitOrApp) {
        Application app = application(application);
        Application other = application(remoteApplication);
        Relation relation = relations.stream().filter(r -> !r.removed && r.involves(app) && r.remote(app).app == other)
                .findFirst()
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

    /** The applications deployed, in deployment order. */
    public List<String> applications() {
        return List.copyOf(applications.keySet());
    }

    /**
     * The charm the application runs now: the one deployed, or the last it was refreshed to (each unit runs it from
     * its {@code upgrade-charm} on).
     *
     * @throws IllegalArgumentException if the application is not deployed
     */
    public Charm charm(String application) {
        return application(application).charm;
    }

    /**
     * The application's leader now, absent only when all its units were removed (or it is a subordinate related to
     * no principal).
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

    /**
     * The application's status now: what its leader last set with {@code status-set --application}, {@code unknown}
     * until it does (Juju would show one derived from the units' statuses).
     *
     * @throws IllegalArgumentException if the application is not deployed
     */
    public StatusValue applicationStatus(String application) {
        return application(application).status;
    }

    /**
     * The workload version the unit last set ({@code application-version-set}); see
     * {@link SimulatedUnit#workloadVersion()}.
     *
     * @throws IllegalArgumentException if there is no such unit
     */
    public Optional<String> workloadVersion(String unitName) {
        return unit(unitName).workloadVersion();
    }

    /**
     * The ports the unit has open, e.g. {@code 80/tcp}, sorted; see {@link SimulatedUnit#openedPorts()}.
     *
     * @throws IllegalArgumentException if there is no such unit
     */
    public List<String> openedPorts(String unitName) {
        return unit(unitName).openedPorts();
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

    private Application applicationOf(SimulatedUnit unit) {
        return applications.get(unit.application());
    }

    private Side side(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + text + "\" names no endpoint; write application:endpoint,"
                    + " e.g. wordpress:db");
        }
        return new Side(application(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** The endpoint's declaration in the charm; {@code juju-info}, which every charm provides, needs none. */
    private static Optional<RelationDeclaration> declared(Charm charm, String endpoint) {
        return charm.relations().stream().filter(d -> d.name().equals(endpoint)).findFirst()
                .or(() -> endpoint.equals(CharmFiles.JUJU_INFO)
                        ? Optional.of(RelationDeclaration.provides(CharmFiles.JUJU_INFO, CharmFiles.JUJU_INFO))
                        : Optional.empty());
    }

    private static RelationDeclaration declaration(Side side) {
        return declared(side.app.charm, side.endpoint)
                .orElseThrow(() -> new IllegalArgumentException("application " + side.app.name + " has no endpoint '"
                        + side.endpoint + "'; its metadata declares " + side.app.charm.relations().stream()
                                .map(RelationDeclaration::name).toList()));
    }

    /**
     * Whether the unit takes part in the relation: its application is on a side, and for a container-scoped relation
     * of a subordinate unit, the relation attaches it to its principal's application.
     */
    private boolean relevant(Relation relation, SimulatedUnit unit) {
        Application app = applicationOf(unit);
        if (!relation.involves(app)) {
            return false;
        }
        return !relation.containerScoped || relation.peer() || unit.principal().isEmpty()
                || relation.remote(app).app.units.containsKey(unit.principal().get());
    }

    /** The units of the relation's other side (the unit's peers in a peer relation) that the unit sees there. */
    private List<SimulatedUnit> counterparts(Relation relation, SimulatedUnit unit) {
        return relation.remote(applicationOf(unit)).app.units.values().stream().filter(o -> relation.pairs(unit, o))
                .toList();
    }

    private void fire(SimulatedUnit unit, String hook) {
        pending.add(new Event(unit, hook, null, null, null, null));
    }

    private void fireRelation(SimulatedUnit unit, String kind, Relation relation, String remoteUnit,
            String departingUnit) {
        String hook = relation.local(applicationOf(unit)).endpoint + "-relation-" + kind;
        pending.add(new Event(unit, hook, relation, remoteUnit, departingUnit, null));
    }

    /** The unit joins the remote unit: joined, then changed. */
    private void join(SimulatedUnit unit, Relation relation, SimulatedUnit remote) {
        fireRelation(unit, "joined", relation, remote.name(), null);
        fireRelation(unit, "changed", relation, remote.name(), null);
    }

    /**
     * Runs the queued hooks, holding those of units on machines in a series upgrade, then elects leaders where one is
     * due, until nothing is left to run.
     */
    private void drain() {
        do {
            while (!pending.isEmpty()) {
                Event event = pending.poll();
                String machine = event.unit.machine();
                SeriesUpgradeStatus status = seriesUpgradeStatus(machine);
                if (status == SeriesUpgradeStatus.PREPARE_COMPLETED || status == SeriesUpgradeStatus.COMPLETE_STARTED) {
                    hold(machine, event);
                } else {
                    execute(event);
                }
            }
        } while (electLeaders());
    }

    /** Holds a hook until the machine's series upgrade completes; config-changed is moved after upgrade-charm. */
    private void hold(String machine, Event event) {
        Set<Event> events = held.computeIfAbsent(machine, m -> new LinkedHashSet<>());
        if (event.hook.equals("upgrade-charm")) {
            events.removeIf(e -> e.unit == event.unit && e.hook.equals("config-changed"));
        }
        events.add(event);
    }

    /**
     * Runs one hook or action through the driver and applies what it did to the model. A failed hook throws
     * {@link ModelHookFailed}; a failed action is returned.
     */
    private Execution execute(Event event) {
        SimulatedUnit unit = event.unit;
        Application app = applicationOf(unit);
        Relation relation = event.relation;
        String hook = event.hook;
        if (hook.equals("upgrade-charm")) {
            unit.upgradeTo(app.charm);
        } else if (hook.endsWith("-relation-created")) {
            relation.scope.add(unit.name());
        } else if (hook.endsWith("-relation-joined")) {
            relation.joinedBy(unit.name()).add(event.remoteUnit);
        } else if (hook.endsWith("-relation-departed")) {
            relation.joinedBy(unit.name()).remove(event.remoteUnit);
        }
        boolean leader = unit.name().equals(app.leader);
        InMemoryJujuBackend backend = new InMemoryJujuBackend(app.config(unit.charm()), leader, app.leaderSettings, unit.status(),
                event.action == null ? Map.of() : event.action.params());
        backend.setApplicationStatus(app.status);
        backend.setOpenedPorts(unit.openedPorts());
        List<Relation> visible = relations.stream().filter(r -> r.scope.contains(unit.name())).toList();
        backend.setRelations(unit.name(), visible.stream().map(r -> r.viewOf(app, unit.name(), event)).toList());
        JsonObject before = unit.stateForHook();
        HookRequest request = new HookRequest(unit.charm(), unit.name(), unit.machine(), hook,
                Optional.ofNullable(relation).map(r -> r.id(app)), Optional.ofNullable(event.remoteUnit),
                Optional.ofNullable(relation).map(r -> r.remote(app).app.name), Optional.ofNullable(event.departingUnit),
                Optional.ofNullable(event.action), unit.principal(),
                Optional.ofNullable(hook.equals("pre-series-upgrade") ? targetBases.get(unit.machine()) : null), before);
        String shown = event.action == null ? hook : "actions/" + hook;
        HookOutcome outcome;
        try {
            outcome = driver.run(request, backend);
        } catch (HookFailedException e) {
            if (event.action == null) {
                String log = e.log().stream().map(LogLine::toString).collect(Collectors.joining("\n"));
                throw new ModelHookFailed("hook " + hook + " failed on unit " + unit.name() + ": " + e.getMessage()
                        + "\n--- log of " + unit.name() + " " + hook + " ---\n" + log, e.getCause());
            }
            record(unit, shown, e.invoked(), before, before, List.of(unit.status()), e.log());
            return new Execution(backend, e);
        }
        record(unit, shown, outcome.invoked(), before, outcome.state(), backend.statusHistory(false), outcome.log());
        if (leader) {
            List<StatusValue> applicationStatuses = backend.statusHistory(true);
            app.status = applicationStatuses.get(applicationStatuses.size() - 1);
            if (!backend.leaderSettings().equals(app.leaderSettings)) {
                app.leaderSettings = backend.leaderSettings();
                app.units.values().stream().filter(u -> u != unit).forEach(u -> fire(u, "leader-settings-changed"));
            }
        }
        unit.recordWorkload(backend.ports(), backend.applicationVersion());
        if (hook.endsWith("-relation-broken")) {
            relation.scope.remove(unit.name());
        }
        visible.stream().filter(r -> r.scope.contains(unit.name())).forEach(r -> publish(app, unit, r, backend));
        if (hook.equals("remove")) {
            app.units.remove(unit.name());
            leaving.remove(unit.name());
            if (unit.name().equals(app.leader)) {
                app.leader = null;
                app.deposed = null;
            }
        }
        return new Execution(backend, null);
    }

    /** Records a hook run on the unit and in the timeline. */
    private void record(SimulatedUnit unit, String hook, List<String> invoked, JsonObject before, JsonObject after,
            List<StatusValue> statuses, List<LogLine> log) {
        Set<String> flagsBefore = UnitState.fromJson(before).flags();
        Set<String> flagsAfter = UnitState.fromJson(after).flags();
        StatusValue status = statuses.get(statuses.size() - 1);
        HookRun run = new HookRun(timeline.size() + 1, unit.name(), hook, invoked, difference(flagsAfter, flagsBefore),
                difference(flagsBefore, flagsAfter), status, !status.equals(unit.status()));
        timeline.add(run);
        unit.recordHook(run, after, statuses.subList(1, statuses.size()), log);
    }

    /**
     * Stores what the unit published in the relation. Changed unit data runs relation-changed on each remote unit
     * that joined the unit; changed application data runs it, about the application, on every remote unit in the
     * relation (in a peer relation, every other unit).
     */
    private void publish(Application app, SimulatedUnit unit, Relation relation, InMemoryJujuBackend backend) {
        String id = relation.id(app);
        Map<String, String> unitData = backend.relationData(id, unit.name(), false);
        Map<String, String> appData = backend.relationData(id, app.name, true);
        boolean unitChanged = !unitData.equals(relation.unitData.getOrDefault(unit.name(), Map.of()));
        boolean appChanged = !appData.equals(relation.appData.getOrDefault(app.name, Map.of()));
        relation.unitData.put(unit.name(), new TreeMap<>(unitData));
        relation.appData.put(app.name, new TreeMap<>(appData));
        Application other = relation.remote(app).app;
        if (unitChanged) {
            other.units.values().stream().filter(o -> relation.joinedBy(o.name()).contains(unit.name()))
                    .forEach(o -> fireRelation(o, "changed", relation, unit.name(), null));
        }
        if (appChanged) {
            other.units.values().stream().filter(o -> o != unit && relation.scope.contains(o.name()))
                    .forEach(o -> fireRelation(o, "changed", relation, null, null));
        }
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        TreeSet<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return List.copyOf(result);
    }
}
