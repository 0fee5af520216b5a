package dev.charms.reactive.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Map;

/**
 * Java values to JSON trees as {@code new GsonBuilder().serializeNulls().create().toJsonTree(value)} gives them,
 * without building a {@link Gson} for the plain values a hook handles (null, strings, booleans, whole numbers,
 * finite doubles, and maps with string keys and collections of those). Building a Gson loads and initialises
 * some 200 classes, a tenth of what a hook's JVM loads, so the framework builds one only for other values, on
 * first use. Internal.
 */
public final class JsonTrees {
    private JsonTrees() {
    }

    /** The Gson for everything else: serialises nulls; built on first use. */
    public static Gson gson() {
        return Lazy.GSON;
    }

    /**
     * {@code value} as a JSON tree, exactly as {@link #gson()}{@code .toJsonTree(value)} makes it: whole numbers
     * become {@code long} primitives, null map values are kept, map and collection order is kept.
     *
     * @param value any value Gson can serialise; null gives {@link JsonNull#INSTANCE}
     */
    public static JsonElement toJsonTree(Object value) {
        JsonElement plain = plain(value);
        return plain != null ? plain : gson().toJsonTree(value);
    }

    /** The tree of a plain value, or null when {@code value} holds anything else (Gson then does it all). */
    private static JsonElement plain(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new JsonPrimitive(((Number) value).longValue());
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? new JsonPrimitive(number) : null;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonElement member = entry.getKey() instanceof String ? plain(entry.getValue()) : null;
                if (member == null) {
                    return null;
                }
                object.add((String) entry.getKey(), member);
            }
            return object;
        }
        if (value instanceof Collection<?> collection) {
            JsonArray array = new JsonArray(collection.size());
            for (Object item : collection) {
                JsonElement element = plain(item);
                if (element == null) {
                    return null;
                }
                array.add(element);
            }
            return array;
        }
        return null;
    }

    /** Holds the Gson, so that loading {@link JsonTrees} does not build it. */
    private static final class Lazy {
        static final Gson GSON = new GsonBuilder().serializeNulls().create();
    }
}
