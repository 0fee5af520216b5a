package dev.charms.reactive.leadership;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.state.UnitState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The automatic {@code leadership.*} flags, as layer-leadership manages them, and the deferred {@code leader-set}.
 * The hook runner calls these; charm code does not.
 *
 * <ul>
 *   <li>{@code leadership.is_leader}: this unit is the leader;</li>
 *   <li>{@code leadership.changed.<key>}: the setting differs from the last successful hook;</li>
 *   <li>{@code leadership.changed}: any setting changed;</li>
 *   <li>{@code leadership.set.<key>}: the setting has a value.</li>
 * </ul>
 * All are recomputed at the start of every non-restricted hook, keys in sorted order.
 */
public final class LeadershipFlags {
    private LeadershipFlags() {
    }

    /** Toggles the flags against the snapshot in {@code state}, then stores the new snapshot there. */
    public static void atStart(Leadership leadership, Flags flags, UnitState state) {
        flags.toggle("leadership.is_leader", leadership.isLeader());
        JsonObject previous = state.leadershipSnapshot();
        Map<String, String> current = leadership.current();
        TreeSet<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(previous.keySet());
        boolean anyChanged = false;
        JsonObject snapshot = new JsonObject();
        for (String key : keys) {
            String value = current.get(key);
            JsonElement old = previous.get(key);
            String oldValue = old == null || old.isJsonNull() ? null : old.getAsString();
            boolean changed = !Objects.equals(value, oldValue);
            anyChanged |= changed;
            flags.toggle("leadership.changed." + key, changed);
            flags.toggle("leadership.set." + key, value != null);
            snapshot.add(key, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
        }
        flags.toggle("leadership.changed", anyChanged);
        state.saveLeadershipSnapshot(snapshot);
    }

    /** Records this hook's writes in the snapshot, so the next hook does not report them as changes. */
    public static void atExit(Leadership leadership, UnitState state) {
        if (leadership.pending().isEmpty()) {
            return;
        }
        JsonObject snapshot = state.leadershipSnapshot();
        leadership.pending().forEach((k, v) -> snapshot.add(k, v == null ? JsonNull.INSTANCE
                : new JsonPrimitive(v)));
        state.saveLeadershipSnapshot(snapshot);
    }

    /** Publishes this hook's writes with one {@code leader-set}; does nothing when there were none. */
    public static void publish(Leadership leadership) {
        if (!leadership.pending().isEmpty()) {
            leadership.backend().leaderSet(new LinkedHashMap<>(leadership.pending()));
        }
    }
}
