package dev.charms.reactive.testing;

import dev.charms.reactive.juju.HookToolException;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.juju.StatusValue;
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
 * on a unit that is not the leader. Relations are empty unless a subclass says otherwise. Not thread-safe.
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
        return List.of();
    }

    @Override
    public List<String> relationList(String relationId) {
        record("relation-list", relationId);
        return List.of();
    }

    @Override
    public Map<String, String> relationGet(String relationId, String unitOrApp, boolean app) {
        record("relation-get", relationId, unitOrApp, app);
        return Map.of();
    }

    @Override
    public void relationSet(String relationId, Map<String, String> settings, boolean app) {
        record("relation-set", relationId, new LinkedHashMap<>(settings), app);
    }

    @Override
    public Map<String, Object> actionGet() {
        record("action-get");
        return actionParameters;
    }

    @Override
    public void actionSet(Map<String, String> results) {
        record("action-set", new LinkedHashMap<>(results));
    }

    @Override
    public void actionFail(String message) {
        record("action-fail", message);
    }

    @Override
    public void actionLog(String message) {
        record("action-log", message);
    }

    @Override
    public void applicationVersionSet(String version) {
        record("application-version-set", version);
    }

    @Override
    public void openPort(String portSpec) {
        record("open-port", portSpec);
        openedPorts.add(portSpec.contains("/") ? portSpec : portSpec + "/tcp");
    }

    @Override
    public void closePort(String portSpec) {
        record("close-port", portSpec);
        openedPorts.remove(portSpec.contains("/") ? portSpec : portSpec + "/tcp");
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
