package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One hook (or action) the model runs on one unit: what a {@link HookDriver} needs besides the hook tools' view of the
 * model, which is what Juju puts in the hook's environment ({@link #environment}) plus the charm and the unit state.
 *
 * @param charm the charm the unit runs (after a refresh, the new one from its {@code upgrade-charm} on)
 * @param unit the unit's name, e.g. {@code hello/0} ({@code JUJU_UNIT_NAME})
 * @param machine the id of the unit's machine, e.g. {@code 0} ({@code JUJU_MACHINE_ID})
 * @param hook the hook's name, e.g. {@code db-relation-changed}; for an action, the action's name
 * @param relationId the relation's id as the unit sees it ({@code JUJU_RELATION_ID}), present for relation hooks
 * @param remoteUnit the remote unit ({@code JUJU_REMOTE_UNIT}), present for relation hooks about one unit: joined,
 *     departed, and changed when that unit's data changed; empty for created and broken, and for changed when the
 *     remote application's data changed
 * @param remoteApp the remote application ({@code JUJU_REMOTE_APP}), present for every relation hook; in a peer
 *     relation, the unit's own application
 * @param departingUnit the unit leaving the relation ({@code JUJU_DEPARTING_UNIT}), present for relation-departed:
 *     the removed unit when a unit is removed (so a unit sees itself leave), the remote unit when the relation is
 *     removed
 * @param action the action and its parameters, present when the request runs an action
 * @param principalUnit for a unit of a subordinate application, the principal unit it is attached to
 *     ({@code JUJU_PRINCIPAL_UNIT})
 * @param targetBase the base the unit's machine is upgraded to ({@code JUJU_TARGET_BASE}), present for
 *     pre-series-upgrade, as {@code juju upgrade-machine <machine> prepare <base>} gave it
 * @param state the unit state before the hook; a copy
 */
public record HookRequest(Charm charm, String unit, String machine, String hook, Optional<String> relationId,
        Optional<String> remoteUnit, Optional<String> remoteApp, Optional<String> departingUnit,
        Optional<ActionInvocation> action, Optional<String> principalUnit, Optional<String> targetBase,
        JsonObject state) {
    public HookRequest {
        Objects.requireNonNull(charm, "charm");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(relationId, "relationId");
        Objects.requireNonNull(remoteUnit, "remoteUnit");
        Objects.requireNonNull(remoteApp, "remoteApp");
        Objects.requireNonNull(departingUnit, "departingUnit");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(principalUnit, "principalUnit");
        Objects.requireNonNull(targetBase, "targetBase");
        state = state.deepCopy();
    }

    /** The unit state before the hook; a copy. */
    @Override
    public JsonObject state() {
        return state.deepCopy();
    }

    /**
     * The variables Juju sets for this hook that the request determines, for a charm unpacked in {@code charmDir}:
     * {@code JUJU_DISPATCH_PATH} ({@code hooks/<hook>} or {@code actions/<action>}), {@code JUJU_HOOK_NAME} or
     * {@code JUJU_ACTION_NAME}, {@code JUJU_UNIT_NAME}, {@code JUJU_MACHINE_ID}, {@code JUJU_CHARM_DIR} and
     * {@code CHARM_DIR}, and those of the optional components that are present ({@code JUJU_RELATION} and
     * {@code JUJU_RELATION_ID}, {@code JUJU_REMOTE_UNIT}, {@code JUJU_REMOTE_APP}, {@code JUJU_DEPARTING_UNIT},
     * {@code JUJU_PRINCIPAL_UNIT}, {@code JUJU_TARGET_BASE}). A driver adds what only it knows ({@code PATH}, the model's name, the Juju
     * version...).
     */
    public Map<String, String> environment(Path charmDir) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("JUJU_DISPATCH_PATH", (action.isPresent() ? "actions/" : "hooks/") + hook);
        variables.put(action.isPresent() ? "JUJU_ACTION_NAME" : "JUJU_HOOK_NAME", hook);
        variables.put("JUJU_UNIT_NAME", unit);
        variables.put("JUJU_MACHINE_ID", machine);
        variables.put("JUJU_CHARM_DIR", charmDir.toString());
        variables.put("CHARM_DIR", charmDir.toString());
        relationId.ifPresent(id -> {
            variables.put("JUJU_RELATION", id.substring(0, id.indexOf(':')));
            variables.put("JUJU_RELATION_ID", id);
        });
        remoteUnit.ifPresent(u -> variables.put("JUJU_REMOTE_UNIT", u));
        remoteApp.ifPresent(a -> variables.put("JUJU_REMOTE_APP", a));
        departingUnit.ifPresent(u -> variables.put("JUJU_DEPARTING_UNIT", u));
        principalUnit.ifPresent(u -> variables.put("JUJU_PRINCIPAL_UNIT", u));
        targetBase.ifPresent(b -> variables.put("JUJU_TARGET_BASE", b));
        return variables;
    }
}
