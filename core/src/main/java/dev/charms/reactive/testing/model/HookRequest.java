package dev.charms.reactive.testing.model;

import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * One hook the model runs on one unit: what a {@link HookDriver} needs besides the hook tools' view of the model.
 *
 * @param charm the unit's application's charm
 * @param unit the unit's name, e.g. {@code hello/0}
 * @param hook the hook's name, e.g. {@code db-relation-changed}
 * @param relationId the relation's id as the unit sees it ({@code JUJU_RELATION_ID}), present for relation hooks
 * @param remoteUnit the remote unit ({@code JUJU_REMOTE_UNIT}), present for relation hooks about one unit
 * @param state the unit state before the hook; a copy
 */
public record HookRequest(Charm charm, String unit, String hook, Optional<String> relationId,
        Optional<String> remoteUnit, JsonObject state) {
    public HookRequest {
        Objects.requireNonNull(charm, "charm");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(relationId, "relationId");
        Objects.requireNonNull(remoteUnit, "remoteUnit");
        state = state.deepCopy();
    }

    /** The unit state before the hook; a copy. */
    @Override
    public JsonObject state() {
        return state.deepCopy();
    }
}
