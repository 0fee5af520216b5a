package dev.charms.reactive.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.charms.reactive.Injectable;
import dev.charms.reactive.internal.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Tells whether a piece of data differs from what it was the last time it was checked under the same key, the
 * way {@code data_changed} does in charms.reactive.
 *
 * <p>The data is serialised to canonical JSON (object keys sorted, at every depth) and hashed with SHA-256; the
 * hash lives in the unit state, so it is kept only if the hook succeeds. The first check of a key reports a
 * change.
 * <pre>{@code
 * @When("db.ready")
 * void configure(DataChanged data, Config config) {
 *     if (data.changed("app.db-settings", config.get("db-name"))) {
 *         restart();
 *     }
 * }
 * }</pre>
 */
@Injectable
public final class DataChanged {
    private final UnitState state;

    /** Checks data against {@code state}, which the hook runner commits or drops with the hook. */
    public DataChanged(UnitState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * Compares the data with the last data stored under the key, then stores it.
     *
     * @param key any stable name, e.g. {@code "myapp.db-settings"}
     * @param data any value Gson can serialise; null is allowed
     * @return true when the data differs, or when nothing was stored under the key yet
     */
    public boolean changed(String key, Object data) {
        String hash = hash(data);
        boolean changed = isChangedHash(key, hash);
        state.recordDataHash(key, hash);
        return changed;
    }

    /** Like {@link #changed(String, Object)} but stores nothing. */
    public boolean isChanged(String key, Object data) {
        return isChangedHash(key, hash(data));
    }

    private boolean isChangedHash(String key, String hash) {
        Objects.requireNonNull(key, "key");
        return !state.dataHash(key).map(hash::equals).orElse(false);
    }

    /**
     * The canonical JSON of {@code data}, as hashed here and as endpoints publish JSON values: Gson's compact form with
     * object keys sorted at every depth, nulls kept.
     *
     * @param data any value Gson can serialise, or a {@link JsonElement}; null gives {@code null}
     */
    public static String canonicalJson(Object data) {
        return JsonTrees.gson().toJson(canonical(JsonTrees.toJsonTree(data)));
    }

    /** The hex SHA-256 of the canonical JSON of {@code data}. */
    static String hash(Object data) {
        String canonical = canonicalJson(data);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java runtime must have", e);
        }
    }

    private static JsonElement canonical(JsonElement element) {
        if (element.isJsonObject()) {
            TreeMap<String, JsonElement> sorted = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            JsonObject object = new JsonObject();
            sorted.forEach(object::add);
            return object;
        }
        if (element.isJsonArray()) {
            JsonArray array = new JsonArray();
            element.getAsJsonArray().forEach(e -> array.add(canonical(e)));
            return array;
        }
        return element;
    }
}
