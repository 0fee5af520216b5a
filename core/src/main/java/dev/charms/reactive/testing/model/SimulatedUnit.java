package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.state.UnitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One unit of a {@link Model}: its machine, its persisted unit state, and what its hooks did. A live view: it changes
 * as the model runs hooks.
 */
public final class SimulatedUnit {
    private final String name;
    private final String machine;
    private final String principal;
    private Charm charm;
    private JsonObject state = UnitState.empty().toJson();
    private List<String> openedPorts = List.of();
    private String workloadVersion;
    private final List<HookRun> hooks = new ArrayList<>();
    private final List<StatusValue> statusHistory = new ArrayList<>(List.of(new StatusValue("unknown", "")));
    private final List<LogLine> log = new ArrayList<>();

    SimulatedUnit(String name, String machine, String principal, Charm charm) {
        this.name = name;
        this.machine = machine;
        this.principal = principal;
        this.charm = charm;
    }

    /** The unit's name, e.g. {@code hello/0}. */
    public String name() {
        return name;
    }

    /** The id of the machine the unit runs on, e.g. {@code 0}. */
    public String machine() {
        return machine;
    }

    /** The application's name, e.g. {@code hello}. */
    public String application() {
        return name.substring(0, name.indexOf('/'));
    }

    /** For a unit of a subordinate application, the principal unit it is attached to; else empty. */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * The names of the hooks run on the unit, in order; an action shows as {@code actions/<name>}, e.g.
     * {@code actions/backup}.
     */
    public List<String> hookNames() {
        return hooks.stream().map(HookRun::hook).toList();
    }

    /** The hooks run on the unit, in order. */
    public List<HookRun> hooks() {
        return List.copyOf(hooks);
    }

    /** The handlers invoked on the unit over all its hooks, in order, with repeats. */
    public List<String> invoked() {
        return hooks.stream().flatMap(h -> h.invoked().stream()).toList();
    }

    /** The flags set now, sorted. */
    public Set<String> flags() {
        return Set.copyOf(UnitState.fromJson(state).flags());
    }

    /** The unit's status now. */
    public StatusValue status() {
        return statusHistory.get(statusHistory.size() - 1);
    }

    /** Every status the unit had: {@code unknown} first, then each one a handler set, in order. */
    public List<StatusValue> statusHistory() {
        return List.copyOf(statusHistory);
    }

    /** Every line the unit's hooks logged, trace included, in order. */
    public List<LogLine> log() {
        return List.copyOf(log);
    }

    /** The ports the unit's hooks opened and did not close, e.g. {@code 80/tcp}, sorted. */
    public List<String> openedPorts() {
        return openedPorts;
    }

    /** The workload version the unit's hooks last set ({@code application-version-set}); empty if none did. */
    public Optional<String> workloadVersion() {
        return Optional.ofNullable(workloadVersion);
    }

    /** The persisted unit state now; a copy. */
    public JsonObject state() {
        return state.deepCopy();
    }

    JsonObject stateForHook() {
        return state;
    }

    /** The charm the unit runs: its application's, from the unit's last {@code upgrade-charm} on. */
    Charm charm() {
        return charm;
    }

    void upgradeTo(Charm newCharm) {
        charm = newCharm;
    }

    void recordHook(HookRun run, JsonObject newState, List<StatusValue> newStatuses, List<LogLine> hookLog) {
        hooks.add(run);
        state = newState;
        statusHistory.addAll(newStatuses);
        log.addAll(hookLog);
    }

    void recordWorkload(List<String> ports, Optional<String> version) {
        openedPorts = List.copyOf(ports);
        version.ifPresent(v -> workloadVersion = v);
    }
}
