package dev.charms.reactive.testing.model;

import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.juju.stubtools.StubHookTools;
import dev.charms.reactive.juju.stubtools.StubHookTools.StatusEntry;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.runtime.CharmFiles;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves the model's view of one hook between an {@link InMemoryJujuBackend} and the {@link StubHookTools} a hook
 * process calls, for {@link ProcessHookDriver}. Package-private.
 *
 * <p>{@link #materialise} writes what the backend holds into the tools' files: config, leadership, leader settings,
 * unit and application status, the unit's key-value store, opened ports, and per relation of the charm's endpoints
 * (and {@code juju-info}, which every charm provides) the remote application, the units {@code relation-list}
 * gives, and the data of those units, of the hook's remote and departing units, of the local unit and of both
 * applications; for an action, its parameters. {@link #apply} replays on the backend, through its
 * {@link dev.charms.reactive.juju.JujuBackend} methods, what the process's tools recorded: the log, each
 * {@code status-set} in order, changed relation data, leader settings and store values, ports opened and closed,
 * the workload version and the action's log, results and failure. Reads that the backend records as calls
 * ({@code config-get}, {@code is-leader}, {@code relation-ids}, {@code relation-list}, {@code state-get}) show in
 * its {@link InMemoryJujuBackend#calls()}, as do the replayed writes; the process's own calls are in the tools'
 * {@code calls.log}.
 */
final class StubToolsBridge {
    private final InMemoryJujuBackend backend;
    private final StubHookTools tools;
    private final String unit;
    private final String application;
    private final List<String> relationIds = new ArrayList<>();
    private final Map<String, String> leaderSettings;
    private final Map<String, String> store;
    private final List<String> ports;

    private StubToolsBridge(InMemoryJujuBackend backend, StubHookTools tools, String unit) {
        this.backend = backend;
        this.tools = tools;
        this.unit = unit;
        this.application = UnitName.parse(unit).application();
        this.leaderSettings = backend.leaderSettings();
        this.store = backend.stateGet();
        this.ports = backend.ports();
    }

    /** Writes the backend's view of the hook into the tools. */
    static StubToolsBridge materialise(HookRequest request, InMemoryJujuBackend backend, StubHookTools tools) {
        StubToolsBridge bridge = new StubToolsBridge(backend, tools, request.unit());
        tools.config(backend.configGet()).leader(backend.isLeader()).leaderSettings(bridge.leaderSettings)
                .state(bridge.store).openedPorts(bridge.ports.toArray(String[]::new))
                .status(false, last(backend.statusHistory(false)))
                .status(true, last(backend.statusHistory(true)));
        request.action().ifPresent(action -> tools.actionParams(backend.actionGet()));
        Set<String> endpoints = new LinkedHashSet<>();
        request.charm().relations().forEach(endpoint -> endpoints.add(endpoint.name()));
        endpoints.add(CharmFiles.JUJU_INFO);
        for (String endpoint : endpoints) {
            for (String id : backend.relationIds(endpoint)) {
                bridge.relationIds.add(id);
                bridge.materialiseRelation(id, request.relationId().filter(id::equals).map(hookRelation -> request));
            }
        }
        return bridge;
    }

    /** One relation; {@code hook} is the request when the hook is about this relation. */
    private void materialiseRelation(String id, Optional<HookRequest> hook) {
        List<String> units = backend.relationList(id);
        TreeSet<String> withData = new TreeSet<>(units);
        hook.flatMap(HookRequest::remoteUnit).ifPresent(withData::add);
        hook.flatMap(HookRequest::departingUnit).ifPresent(withData::add);
        withData.remove(unit);
        Optional<String> remoteApplication = hook.flatMap(HookRequest::remoteApp)
                .or(() -> withData.stream().map(u -> UnitName.parse(u).application()).findFirst());
        tools.relation(id, remoteApplication.orElse(""), units.toArray(String[]::new));
        withData.add(unit);
        withData.forEach(u -> tools.relationData(id, u, backend.relationData(id, u, false)));
        remoteApplication.ifPresent(app -> tools.relationData(id, app, backend.relationData(id, app, true)));
        tools.relationData(id, application, backend.relationData(id, application, true));
    }

    /** Replays on the backend what the hook's tools recorded; {@code log} is the tools' juju-log, read back. */
    void apply(List<LogLine> log) {
        log.forEach(line -> backend.log(line.level(), line.message()));
        for (StatusEntry entry : tools.statusHistory()) {
            backend.statusSet(entry.application(), entry.status());
        }
        for (String id : relationIds) {
            changes(backend.relationData(id, unit, false), tools.relationData(id, unit))
                    .ifPresent(changed -> backend.relationSet(id, changed, false));
            changes(backend.relationData(id, application, true), tools.relationData(id, application))
                    .ifPresent(changed -> backend.relationSet(id, changed, true));
        }
        changes(leaderSettings, tools.leaderSettings()).ifPresent(backend::leaderSet);
        changes(store, tools.state()).ifPresent(changed -> changed.forEach((key, value) -> {
            if (value == null) {
                backend.stateDelete(key);
            } else {
                backend.stateSet(Map.of(key, value));
            }
        }));
        List<String> opened = tools.openedPorts();
        opened.stream().filter(port -> !ports.contains(port)).forEach(backend::openPort);
        ports.stream().filter(port -> !opened.contains(port)).forEach(backend::closePort);
        tools.applicationVersion().ifPresent(backend::applicationVersionSet);
        tools.actionLog().forEach(backend::actionLog);
        Map<String, String> results = tools.actionResults();
        if (!results.isEmpty()) {
            backend.actionSet(results);
        }
        tools.actionFailure().ifPresent(backend::actionFail);
    }

    /** The keys whose values differ from {@code before} to {@code after}, removed ones mapped to null; empty if none. */
    private static Optional<Map<String, String>> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.put(key, value);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> changed.put(key, null));
        return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
