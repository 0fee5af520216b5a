package dev.charms.reactive.testing.model;

import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.log.LogLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What differs between two models that ran the same scenario, typically one through {@link HookDriver#inProcess()}
 * and one through {@link ProcessHookDriver}: a test of "the same result on both drivers" asserts that there is
 * nothing.
 * <pre>{@code
 * assertThat(ModelComparison.between(inProcess, process).relation("greeter", "listener").differences()).isEmpty();
 * }</pre>
 * Compared: the timeline (hook by hook, handlers, flags set and cleared, status); the units now in the model and for
 * each its hooks, handlers invoked, flags, status history, unit state, log, opened ports and workload version; for
 * each application in the timeline its leader, leader settings and application status; and for each relation named
 * with {@link #relation}, the data of both applications and of each of their units, both ways. Logs are compared
 * line by line, at each line's level (the process driver reads the runtime's batched {@code juju-log} calls back a
 * line at a time), without the dispatch script's own {@code dispatch: ...} lines, which only the process driver's
 * hooks have. Not thread-safe.
 */
public final class ModelComparison {
    private static final String DISPATCH_LINE = LogLevel.INFO + " dispatch: ";

    private final Model expected;
    private final Model actual;
    private final List<List<String>> relations = new ArrayList<>();

    private ModelComparison(Model expected, Model actual) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** A comparison of {@code actual} with {@code expected}, which ran the same operations. */
    public static ModelComparison between(Model expected, Model actual) {
        return new ModelComparison(expected, actual);
    }

    /** Also compares the data of the relation between the two applications, both ways. */
    public ModelComparison relation(String application, String remoteApplication) {
        relations.add(List.of(application, remoteApplication));
        relations.add(List.of(remoteApplication, application));
        return this;
    }

    /** One line per difference, naming what differs with both values; empty when the models agree. */
    public List<String> differences() {
        List<String> differences = new ArrayList<>();
        compareTimelines(differences);
        List<String> unitNames = names(expected.units());
        compare(differences, "units", unitNames, names(actual.units()));
        for (SimulatedUnit unit : expected.units()) {
            if (!names(actual.units()).contains(unit.name())) {
                continue;
            }
            SimulatedUnit other = actual.unit(unit.name());
            String what = "unit " + unit.name() + " ";
            compare(differences, what + "hooks", unit.hookNames(), other.hookNames());
            compare(differences, what + "handlers invoked", unit.invoked(), other.invoked());
            compare(differences, what + "flags", unit.flags(), other.flags());
            compare(differences, what + "status history", unit.statusHistory(), other.statusHistory());
            compare(differences, what + "state", unit.state(), other.state());
            compare(differences, what + "log", lines(unit.log()), lines(other.log()));
            compare(differences, what + "opened ports", unit.openedPorts(), other.openedPorts());
            compare(differences, what + "workload version", unit.workloadVersion(), other.workloadVersion());
        }
        for (String application : applications()) {
            String what = "application " + application + " ";
            compareEach(differences, what + "leader", model -> model.leader(application));
            compareEach(differences, what + "leader settings", model -> model.leaderSettings(application));
            compareEach(differences, what + "status", model -> model.applicationStatus(application));
        }
        for (List<String> relation : relations) {
            String application = relation.get(0);
            String remote = relation.get(1);
            Set<String> owners = new LinkedHashSet<>(List.of(application));
            expected.units().stream().map(SimulatedUnit::name).filter(u -> u.startsWith(application + "/"))
                    .forEach(owners::add);
            for (String owner : owners) {
                compareEach(differences, "data of " + owner + " in the relation of " + application + " with " + remote,
                        model -> relationData(model, application, remote, owner));
            }
        }
        return differences;
    }

    private void compareTimelines(List<String> differences) {
        List<String> wanted = expected.timeline().stream().map(HookRun::toString).toList();
        List<String> got = actual.timeline().stream().map(HookRun::toString).toList();
        for (int i = 0; i < Math.min(wanted.size(), got.size()); i++) {
            if (!wanted.get(i).equals(got.get(i))) {
                differences.add("timeline differs from hook " + (i + 1) + ": expected <" + wanted.get(i)
                        + "> but was <" + got.get(i) + ">");
                return;
            }
        }
        compare(differences, "timeline length", wanted.size(), got.size());
    }

    /** The applications of every unit in the expected model's timeline, in order. */
    private Set<String> applications() {
        Set<String> applications = new LinkedHashSet<>();
        expected.timeline().forEach(run -> applications.add(run.unit().substring(0, run.unit().indexOf('/'))));
        return applications;
    }

    private static Object relationData(Model model, String application, String remote, String owner) {
        try {
            return model.relationData(application, remote, owner);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void compareEach(List<String> differences, String what, Function<Model, Object> value) {
        compare(differences, what, value.apply(expected), value.apply(actual));
    }

    private static void compare(List<String> differences, String what, Object wanted, Object got) {
        if (!Objects.equals(wanted, got)) {
            differences.add(what + ": expected <" + shown(wanted) + "> but was <" + shown(got) + ">");
        }
    }

    /** A value as text, a map's entries sorted by key. */
    private static String shown(Object value) {
        return String.valueOf(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
    }

    private static List<String> names(List<SimulatedUnit> units) {
        return units.stream().map(SimulatedUnit::name).toList();
    }

    /** The log as lines of text with their level, without the dispatch script's own lines. */
    private static List<String> lines(List<LogLine> log) {
        return log.stream().flatMap(line -> Stream.of(line.message().split("\n", -1))
                .map(text -> line.level() + " " + text)).filter(text -> !text.startsWith(DISPATCH_LINE)).toList();
    }
}
