package dev.charms.reactive.endpoints;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.charms.reactive.state.DataChanged;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Relation data seen as JSON values over a {@link UnitDataView}, the way charms.reactive's {@code JSONUnitDataView}
 * sees it. Reading a key decodes its raw string: a missing key or an empty string is returned unchanged (null or
 * {@code ""}); valid JSON becomes a String, Boolean, Long, Double, {@link java.util.List} or {@link Map} (null for
 * {@code null}); anything else, such as {@code yes}, is returned as the raw string. Writing stores the value's JSON,
 * object keys sorted ({@link DataChanged#canonicalJson}), so {@code put("port", 80)} stores {@code 80} and
 * {@code put("host", "a")} stores {@code "a"} with the quotes. Writability and the modified mark are the raw
 * view's.
 * <pre>{@code
 * relation.toPublish().put("hosts", List.of("10.0.0.1", "10.0.0.2"));   // publishes ["10.0.0.1","10.0.0.2"]
 * Long port = unit.received().get("port", Long.class);
 * }</pre>
 */
public final class JsonDataView extends AbstractMap<String, Object> {
    private static final Gson GSON = new GsonBuilder().serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    private final UnitDataView raw;

    JsonDataView(UnitDataView raw) {
        this.raw = raw;
    }

    /** The raw strings underneath. */
    public UnitDataView raw() {
        return raw;
    }

    /** True for the local unit's and application's data. */
    public boolean isWritable() {
        return raw.isWritable();
    }

    /** True once a write changed the data in this hook. */
    public boolean isModified() {
        return raw.isModified();
    }

    @Override
    public Object get(Object key) {
        return decode(raw.get(key));
    }

    /**
     * The value of a key converted with Gson to {@code type}, e.g. {@code get("port", Long.class)}; null when the
     * key is missing or empty.
     *
     * @throws com.google.gson.JsonSyntaxException naming nothing more than Gson does, when the value does not fit
     */
    public <T> T get(String key, Type type) {
        String value = raw.get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return GSON.fromJson(element(value), type);
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public int size() {
        return raw.size();
    }

    /** Stores the value's JSON; returns the previous decoded value. */
    @Override
    public Object put(String key, Object value) {
        return decode(raw.put(key, DataChanged.canonicalJson(value)));
    }

    @Override
    public Object remove(Object key) {
        return decode(raw.remove(key));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, String>> entries = raw.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, String> e = entries.next();
                        return new SimpleImmutableEntry<>(e.getKey(), decode(e.getValue()));
                    }

                    @Override
                    public void remove() {
                        entries.remove();
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }

    /** A raw value decoded as {@link #get} does. */
    static Object decode(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return GSON.fromJson(element(value), Object.class);
    }

    /** A raw value as the JSON it holds, or as a JSON string of the raw text when it is not JSON. */
    static JsonElement element(String value) {
        try (JsonReader reader = new JsonReader(new StringReader(value))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = GSON.getAdapter(JsonElement.class).read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? element : new JsonPrimitive(value);
        } catch (IOException | RuntimeException e) {
            return new JsonPrimitive(value);
        }
    }
}
