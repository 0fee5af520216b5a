package dev.charms.reactive.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the reactive runtime persists for one unit: flags with their values, {@code @OnlyOnce} marks, the
 * file hashes of {@code @WhenFileChanged} handlers, {@link DataChanged} hashes, the configuration seen by the
 * last successful hook, the leader settings snapshot, and free namespaces other subsystems (endpoints, upgrade
 * plans) own.
 *
 * <p>A hook works on a fresh instance read with {@link #fromJson(JsonObject)}; the hook runner returns
 * {@link #toJson()} when the hook succeeds and drops the instance when it fails, so a hook commits all of its
 * changes or none. Instances are mutable and not thread-safe; values handed out are copies.
 *
 * <p>JSON form (the state file, {@link StateFile}, carries the format version around it):
 * <pre>{@code
 * {"flags": {"app.installed": null, "db.ready": {"host": "10.0.0.1"}},
 *  "onlyOnce": ["com.example.MyCharm.bootstrap"],
 *  "fileHashes": {"com.example.MyCharm.restart": {"/etc/app.conf": "9a0364b9e99bb480dd25e1f0284c8555"}},
 *  "dataChanged": {"db.settings": "..."},
 *  "config": {"port": 8080},
 *  "leadership": {"password": "s3cret"},
 *  "namespaces": {"endpoints": {}}}
 * }</pre>
 * Absent sections read as empty; {@code config} absent means no hook has succeeded yet.
 */
public final class UnitState {
    private final SortedMap<String, JsonElement> flags = new TreeMap<>();
    private final Set<String> onlyOnce = new LinkedHashSet<>();
    private final SortedMap<String, SortedMap<String, String>> fileHashes = new TreeMap<>();
    private final SortedMap<String, String> dataChanged = new TreeMap<>();
    private final SortedMap<String, JsonElement> leadership = new TreeMap<>();
    private final SortedMap<String, JsonElement> namespaces = new TreeMap<>();
    private JsonObject config;

    private UnitState() {
    }

    /** A unit that has never run a hook. */
    public static UnitState empty() {
        return new UnitState();
    }

    /**
     * Reads the JSON form. An empty object is an empty state.
     *
     * @throws IllegalArgumentException when a section has the wrong shape; the message names the section
     */
    public static UnitState fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        UnitState state = new UnitState();
        if (json.size() == 0) {
            return state;
        }
        copyInto(state.flags, section(json, "flags"));
        if (json.has("onlyOnce")) {
            JsonElement ids = json.get("onlyOnce");
            if (!ids.isJsonArray()) {
                throw malformed("onlyOnce", "an array of handler ids");
            }
            for (JsonElement id : ids.getAsJsonArray()) {
                state.onlyOnce.add(id.getAsString());
            }
        }
        for (Map.Entry<String, JsonElement> handler : section(json, "fileHashes").entrySet()) {
            if (!handler.getValue().isJsonObject()) {
                throw malformed("fileHashes." + handler.getKey(), "an object of file to hash");
            }
            SortedMap<String, String> files = new TreeMap<>();
            for (Map.Entry<String, JsonElement> file : handler.getValue().getAsJsonObject().entrySet()) {
                files.put(file.getKey(), file.getValue().getAsString());
            }
            state.fileHashes.put(handler.getKey(), files);
        }
        for (Map.Entry<String, JsonElement> data : section(json, "dataChanged").entrySet()) {
            state.dataChanged.put(data.getKey(), data.getValue().getAsString());
        }
        if (json.has("config")) {
            state.config = section(json, "config").deepCopy();
        }
        copyInto(state.leadership, section(json, "leadership"));
        copyInto(state.namespaces, section(json, "namespaces"));
        return state;
    }

    /** The JSON form, with keys sorted so equal states serialise identically. Never null. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.add("flags", object(flags));
        JsonArray ids = new JsonArray();
        for (String id : new TreeSet<>(onlyOnce)) {
            ids.add(id);
        }
        json.add("onlyOnce", ids);
        JsonObject hashes = new JsonObject();
        for (Map.Entry<String, SortedMap<String, String>> handler : fileHashes.entrySet()) {
            hashes.add(handler.getKey(), strings(handler.getValue()));
        }
        json.add("fileHashes", hashes);
        json.add("dataChanged", strings(dataChanged));
        if (config != null) {
            json.add("config", config.deepCopy());
        }
        json.add("leadership", object(leadership));
        json.add("namespaces", object(namespaces));
        return json;
    }

    /** An independent copy. */
    public UnitState copy() {
        return fromJson(toJson());
    }

    /** True when the flag is set. */
    public boolean isSet(String flag) {
        return flags.containsKey(flag);
    }

    /** The flag's value ({@link JsonNull} when set without one), or empty when the flag is not set. */
    public Optional<JsonElement> flagValue(String flag) {
        return Optional.ofNullable(flags.get(flag)).map(JsonElement::deepCopy);
    }

    /** The set flags, sorted, unmodifiable. */
    public Set<String> flags() {
        return Collections.unmodifiableSet(flags.keySet());
    }

    /**
     * Sets the flag to a value; a null value is stored as {@link JsonNull}.
     *
     * @return true when the flag was not set before
     */
    public boolean setFlag(String flag, JsonElement value) {
        return flags.put(flag, value == null ? JsonNull.INSTANCE : value.deepCopy()) == null;
    }

    /** Clears the flag; returns true when it was set. */
    public boolean clearFlag(String flag) {
        return flags.remove(flag) != null;
    }

    /** True when the {@code @OnlyOnce} handler with this id has been invoked. */
    public boolean wasInvoked(String handlerId) {
        return onlyOnce.contains(handlerId);
    }

    /** Records that the {@code @OnlyOnce} handler with this id was invoked. */
    public void markInvoked(String handlerId) {
        onlyOnce.add(handlerId);
    }

    /** The hash recorded when the handler last ran, or empty when none was (or the file was missing). */
    public Optional<String> fileHash(String handlerId, String file) {
        return Optional.ofNullable(fileHashes.getOrDefault(handlerId, Collections.emptySortedMap()).get(file));
    }

    /** Records a file's hash for a handler; a null hash records a missing file. */
    public void recordFileHash(String handlerId, String file, String hash) {
        SortedMap<String, String> files = fileHashes.computeIfAbsent(handlerId, k -> new TreeMap<>());
        if (hash == null) {
            files.remove(file);
            if (files.isEmpty()) {
                fileHashes.remove(handlerId);
            }
        } else {
            files.put(file, hash);
        }
    }

    /** The hash stored by {@link DataChanged} under this key. */
    public Optional<String> dataHash(String key) {
        return Optional.ofNullable(dataChanged.get(key));
    }

    /** Stores a {@link DataChanged} hash. */
    public void recordDataHash(String key, String hash) {
        dataChanged.put(key, Objects.requireNonNull(hash, "hash"));
    }

    /** The configuration saved by the last successful hook, or empty before the first one. */
    public Optional<JsonObject> previousConfig() {
        return Optional.ofNullable(config).map(JsonObject::deepCopy);
    }

    /** Saves the configuration the next hook compares against. */
    public void savePreviousConfig(JsonObject current) {
        config = current.deepCopy();
    }

    /** The leader settings as last seen or written, deleted keys as {@link JsonNull}; a copy. */
    public JsonObject leadershipSnapshot() {
        return object(leadership);
    }

    /** Replaces the leader settings snapshot. */
    public void saveLeadershipSnapshot(JsonObject snapshot) {
        leadership.clear();
        copyInto(leadership, snapshot);
    }

    /** The free namespace with this name (a copy), or empty when it has never been written. */
    public Optional<JsonElement> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name)).map(JsonElement::deepCopy);
    }

    /** Replaces a free namespace; a null value removes it. */
    public void putNamespace(String name, JsonElement value) {
        if (value == null) {
            namespaces.remove(name);
        } else {
            namespaces.put(name, value.deepCopy());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitState that && toJson().equals(that.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static JsonObject section(JsonObject json, String name) {
        JsonElement section = json.get(name);
        if (section == null || section.isJsonNull()) {
            return new JsonObject();
        }
        if (!section.isJsonObject()) {
            throw malformed(name, "an object");
        }
        return section.getAsJsonObject();
    }

    private static IllegalArgumentException malformed(String section, String expected) {
        return new IllegalArgumentException("unit state section \"" + section + "\" must be " + expected
                + "; the file was edited by hand or written by another program");
    }

    private static JsonObject object(Map<String, JsonElement> map) {
        JsonObject json = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
            json.add(entry.getKey(), entry.getValue().deepCopy());
        }
        return json;
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject json = new JsonObject();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.addProperty(entry.getKey(), entry.getValue());
        }
        return json;
    }

    private static void copyInto(Map<String, JsonElement> target, JsonObject source) {
        for (Map.Entry<String, JsonElement> entry : source.entrySet()) {
            target.put(entry.getKey(), entry.getValue().deepCopy());
        }
    }
}
