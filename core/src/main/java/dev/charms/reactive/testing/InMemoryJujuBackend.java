package dev.charms.reactive.testing;

import dev.charms.reactive.juju.HookToolException;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.log.LogLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link JujuBackend} that keeps the model in memory and records every call, for the harness and the model
 * simulator. It answers like the hook tools: {@code leader-set} and the application's {@code status-get} fail
 * on a unit that is not the leader. Relations are those given to {@link #setRelations}, none by default; a
 * {@code relation-set} changes the local unit's (or application's) data at once. Not thread-safe.
 */
public class InMemoryJujuBackend implements JujuBackend {

    /**
     * One hook tool call.
     *
     * @param tool the tool's name, e.g. {@code status-set}
     * @param arguments what it was given, in order; may contain nulls (a deleted setting)
     */
    public record ToolCall(String tool, List<Object> arguments) {
        public ToolCall {
            Objects.requireNonNull(tool, "tool");
            arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        }

        @Override
        public String toString() {
            return tool + " " + arguments;
        }
    }

    private final Map<String, Object> config;
    private final boolean leader;
    private final Map<String, String> leaderSettings;
    private final List<ToolCall> calls = new ArrayList<>();
    private final List<LogLine> log = new ArrayList<>();
    private final List<StatusValue> unitStatuses = new ArrayList<>();
    private final List<StatusValue> applicationStatuses = new ArrayList<>();
    private final TreeSet<String> openedPorts = new TreeSet<>();
    private final Map<String, String> unitStore = new TreeMap<>();
    private final Map<String, Object> actionParameters;
    private final Map<String, String> actionResults = new TreeMap<>();
    private final List<String> actionMessages = new ArrayList<>();
    private String actionFailure;
    private String applicationVersion;
    private String unitName = "local/0";
    private final Map<String, RelationModel> relations = new LinkedHashMap<>();

    /** One relation's units and data, mutable. */
    private record RelationModel(List<String> units, Map<String, Map<String, String>> unitData,
            Map<String, Map<String, String>> appData) {
    }

    /**
     * @param config what {@code config-get --all} returns (unset options null)
     * @param leader what {@code is-leader} returns
     * @param leaderSettings the application's leader settings
     * @param unitStatus the unit's status before the hook
     * @param actionParameters what {@code action-get} returns
     */
    public InMemoryJujuBackend(Map<String, ?> config, boolean leader, Map<String, String> leaderSettings,
            StatusValue unitStatus, Map<String, ?> actionParameters) {
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.leader = leader;
        this.leaderSettings = new TreeMap<>(leaderSettings);
        this.unitStatuses.add(Objects.requireNonNull(unitStatus, "unitStatus"));
        this.applicationStatuses.add(new StatusValue("unknown", ""));
        this.actionParameters = Collections.unmodifiableMap(new LinkedHashMap<>(actionParameters));
    }

    /** A backend with no config, not the leader, no settings, status {@code unknown}. */
    public InMemoryJujuBackend() {
        this(Map.of(), false, Map.of(), new StatusValue("unknown", ""), Map.of());
    }

    /**
     * Replaces the relations: {@code relation-ids}, {@code relation-list}, {@code relation-get} and
     * {@code relation-set} then answer from them, with {@code unitName} (e.g. {@code local/0}) as the local unit.
     */
    public void setRelations(String unitName, List<RelationState> relations) {
        this.unitName = UnitName.parse(unitName).toString();
        this.relations.clear();
        String localApp = UnitName.parse(unitName).application();
        for (RelationState r : relations) {
            Map<String, Map<String, String>> units = new TreeMap<>();
            r.joined().forEach((unit, data) -> units.put(unit, new TreeMap<>(data)));
            r.departing().forEach((unit, data) -> units.put(unit, new TreeMap<>(data)));
            units.put(unitName, new TreeMap<>(r.localUnitData()));
            Map<String, Map<String, String>> apps = new TreeMap<>();
            apps.put(r.remoteApplication(), new TreeMap<>(r.appData()));
            apps.put(localApp, new TreeMap<>(r.localAppData()));
            this.relations.put(r.relationId(), new RelationModel(List.copyOf(r.joined().keySet()), units, apps));
        }
    }

    /**
     * The data of a unit, or of an application when {@code app}, in a relation now, sorted by key; empty when it has
     * none.
     */
    public Map<String, String> relationData(String relationId, String unitOrApp, boolean app) {
        RelationModel r = relation("relation-get", relationId);
        Map<String, String> data = (app ? r.appData() : r.unitData()).get(unitOrApp);
        return data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
    }

    /** Replaces the application's status before the hook (default {@code unknown}), as the leader last set it. */
    public void setApplicationStatus(StatusValue status) {
        applicationStatuses.set(0, Objects.requireNonNull(status, "status"));
    }

    /** Replaces the ports open before the hook (default none), e.g. {@code 80/tcp}. */
    public void setOpenedPorts(List<String> ports) {
        openedPorts.clear();
        ports.forEach(p -> openedPorts.add(withProtocol(p)));
    }

    /** Every result {@code action-set} set, by dotted key, sorted; a key set twice keeps its last value. */
    public Map<String, String> actionResults() {
        return Collections.unmodifiableMap(new TreeMap<>(actionResults));
    }

    /** The message of the last {@code action-fail}; empty when the action was not failed. */
    public Optional<String> actionFailure() {
        return Optional.ofNullable(actionFailure);
    }

    /** Every {@code action-log} message, in order. */
    public List<String> actionLog() {
        return List.copyOf(actionMessages);
    }

    /** The last version {@code application-version-set} set; empty when it was not called. */
    public Optional<String> applicationVersion() {
        return Optional.ofNullable(applicationVersion);
    }

    /** The local unit's name, {@code local/0} unless {@link #setRelations} said otherwise. */
    public String unitName() {
        return unitName;
    }

    private RelationModel relation(String tool, String relationId) {
        RelationModel r = relations.get(relationId);
        if (r == null) {
            throw new HookToolException(tool, List.of("-r", relationId), 2,
                    "ERROR invalid value \"" + relationId + "\" for option -r: relation not found");
        }
        return r;
    }

    /** Every call, in order. */
    public List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /** Every {@code juju-log} message, in order. */
    public List<LogLine> log() {
        return List.copyOf(log);
    }

    /** The statuses the unit (or application) had: the initial one, then each {@code status-set}. */
    public List<StatusValue> statusHistory(boolean application) {
        return List.copyOf(application ? applicationStatuses : unitStatuses);
    }

    /** The leader settings now. */
    public Map<String, String> leaderSettings() {
        return Collections.unmodifiableMap(new TreeMap<>(leaderSettings));
    }

    /** The ports opened now, e.g. {@code 80/tcp}, sorted. */
    public List<String> ports() {
        return List.copyOf(openedPorts);
    }

    private void record(String tool, Object... arguments) {
        calls.add(new ToolCall(tool, Arrays.asList(arguments)));
    }

    @Override
    public Map<String, Object> configGet() {
        record("config-get");
        return config;
    }

    @Override
    public boolean isLeader() {
        record("is-leader");
        return leader;
    }

    @Override
    public Map<String, String> leaderGet() {
        record("leader-get");
        return leaderSettings();
    }

    @Override
    public void leaderSet(Map<String, String> settings) {
        record("leader-set", new LinkedHashMap<>(settings));
        if (!leader) {
            throw new HookToolException("leader-set", List.of(), 1,
                    "cannot write leadership settings: cannot write settings: not the leader");
        }
        settings.forEach((k, v) -> {
            if (v == null) {
                leaderSettings.remove(k);
            } else {
                leaderSettings.put(k, v);
            }
        });
    }

    @Override
    public void statusSet(boolean application, StatusValue status) {
        record("status-set", application, status);
        if (application && !leader) {
            throw new HookToolException("status-set", List.of("--application"), 1,
                    "setting application status: this unit is not the leader");
        }
        (application ? applicationStatuses : unitStatuses).add(status);
    }

    @Override
    public StatusValue statusGet(boolean application) {
        record("status-get", application);
        if (application && !leader) {
            throw new HookToolException("status-get", List.of("--application"), 1,
                    "finding application status: this unit is not the leader");
        }
        List<StatusValue> history = application ? applicationStatuses : unitStatuses;
        return history.get(history.size() - 1);
    }

    @Override
    public void log(LogLevel level, String message) {
        log.add(new LogLine(level, message));
    }

    @Override
    public List<String> relationIds(String endpoint) {
        record("relation-ids", endpoint);
        return relations.keySet().stream().filter(id -> id.startsWith(endpoint + ":")).toList();
    }

    @Override
    public List<String> relationList(String relationId) {
        record("relation-list", relationId);
        return relation("relation-list", relationId).units();
    }

    @Override
    public Map<String, String> relationGet(String relationId, String unitOrApp, boolean app) {
        record("relation-get", relationId, unitOrApp, app);
        return relationData(relationId, unitOrApp, app);
    }

    @Override
    public void relationSet(String relationId, Map<String, String> settings, boolean app) {
        record("relation-set", relationId, new LinkedHashMap<>(settings), app);
        RelationModel r = relation("relation-set", relationId);
        String owner = app ? UnitName.parse(unitName).application() : unitName;
        Map<String, String> data = (app ? r.appData() : r.unitData()).computeIfAbsent(owner, k -> new TreeMap<>());
        settings.forEach((k, v) -> {
            if (v == null) {
                data.remove(k);
            } else {
                data.put(k, v);
            }
        });
    }

    @Override
    public Map<String, Object> actionGet() {
        record("action-get");
        return actionParameters;
    }

    @Override
    public void actionSet(Map<String, String> results) {
        record("action-set", new LinkedHashMap<>(results));
        actionResults.putAll(results);
    }

    @Override
    public void actionFail(String message) {
        record("action-fail", message);
        actionFailure = message;
    }

    @Override
    public void actionLog(String message) {
        record("action-log", message);
        actionMessages.add(message);
    }

    @Override
    public void applicationVersionSet(String version) {
        record("application-version-set", version);
        applicationVersion = version;
    }

    @Override
    public void openPort(String portSpec) {
        record("open-port", portSpec);
        openedPorts.add(withProtocol(portSpec));
    }

    @Override
    public void closePort(String portSpec) {
        record("close-port", portSpec);
        openedPorts.remove(withProtocol(portSpec));
    }

    /** {@code 80} as {@code open-port} reads it: {@code 80/tcp}. */
    private static String withProtocol(String portSpec) {
        return portSpec.contains("/") ? portSpec : portSpec + "/tcp";
    }

    @Override
    public List<String> openedPorts() {
        record("opened-ports");
        return ports();
    }

    @Override
    public Optional<String> unitGet(String key) {
        record("unit-get", key);
        return Optional.empty();
    }

    @Override
    public Map<String, Object> networkGet(String binding) {
        record("network-get", binding);
        return Map.of();
    }

    @Override
    public Map<String, String> stateGet() {
        record("state-get");
        return Collections.unmodifiableMap(new TreeMap<>(unitStore));
    }

    @Override
    public void stateSet(Map<String, String> values) {
        record("state-set", new LinkedHashMap<>(values));
        unitStore.putAll(values);
    }

    @Override
    public void stateDelete(String key) {
        record("state-delete", key);
        unitStore.remove(key);
    }
}
