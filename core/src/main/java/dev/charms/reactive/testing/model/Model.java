package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.endpoints.EndpointEnvironment;
import dev.charms.reactive.endpoints.EndpointSupport;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A simulated Juju model: applications deployed from {@link Charm}s, their units (one machine each), leadership and
 * config. Each operation fires the hooks Juju would, in Juju's order, unit by unit, each through the production
 * {@link HookRunner} against an {@link InMemoryJujuBackend} made from the model's state.
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
    private int nextMachine;

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
        run(app, unit, "install");
        if (app.leader == null) {
            app.leader = name;
            run(app, unit, "leader-elected");
        } else {
            run(app, unit, "leader-settings-changed");
        }
        run(app, unit, "config-changed");
        run(app, unit, "start");
        return unit;
    }

    /**
     * Removes a unit: it runs stop, then remove, and leaves the model with its machine. When it was the leader, the
     * first remaining unit is elected and runs leader-elected.
     *
     * @throws IllegalArgumentException if there is no such unit
     */
    public void removeUnit(String unitName) {
        SimulatedUnit unit = unit(unitName);
        Application app = applications.get(unit.application());
        run(app, unit, "stop");
        run(app, unit, "remove");
        app.units.remove(unitName);
        if (unitName.equals(app.leader)) {
            app.leader = null;
            app.units.values().stream().findFirst().ifPresent(next -> {
                app.leader = next.name();
                run(app, next, "leader-elected");
            });
        }
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
        app.units.values().forEach(u -> run(app, u, "config-changed"));
    }

    /** Runs update-status on every unit of every application, in deployment order. */
    public void updateStatus() {
        applications.values().forEach(app -> app.units.values().forEach(u -> run(app, u, "update-status")));
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

    private void run(Application app, SimulatedUnit unit, String hook) {
        boolean leader = unit.name().equals(app.leader);
        InMemoryJujuBackend backend = new InMemoryJujuBackend(app.config, leader, app.leaderSettings, unit.status(),
                Map.of());
        backend.setRelations(unit.name(), List.of());
        HookRunner.Builder builder = HookRunner.builder(app.charm.handlers())
                .relations(app.charm.relations())
                .configOptions(app.charm.options())
                .failOnIterationCap(true);
        EndpointSupport.of(app.charm.handlers(), app.charm.relations(), EndpointEnvironment.of(unit.name()))
                .install(builder);
        JsonObject before = unit.stateForHook();
        HookOutcome outcome;
        try {
            outcome = builder.build().run(backend, hook, before);
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
        if (leader) {
            app.leaderSettings = backend.leaderSettings();
        }
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        TreeSet<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return List.copyOf(result);
    }
}
