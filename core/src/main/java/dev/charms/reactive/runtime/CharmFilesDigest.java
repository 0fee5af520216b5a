package dev.charms.reactive.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.internal.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link CharmFiles} read from a charm's YAML files, stored as JSON together with the exact texts it was read
 * from, so that a hook reads one small JSON file with the JSON parser it loads anyway instead of loading a YAML
 * parser (a quarter of a hook's start-up). The bootstrap writes it ({@code Main --train}); a hook uses it only
 * when every text in it equals the file on disk now, and parses the YAML otherwise. It is a cache of a pure
 * function keyed by its whole input, so a stale, damaged or missing digest only costs time.
 *
 * <p>Only declarations whose values JSON holds exactly are stored: strings, booleans, whole numbers, finite
 * doubles, lists and string-keyed maps of those, and null. A charm with any other value in its files (a YAML
 * timestamp as an action parameter's default, say) gets no digest.
 */
final class CharmFilesDigest {
    private static final int FORMAT = 1;

    private CharmFilesDigest() {
    }

    /**
     * The files recorded in {@code digest}, if it exists, is intact and was made from exactly {@code texts}.
     *
     * @param texts each YAML file's name and its content, empty when the file is absent
     */
    static Optional<CharmFiles> read(Path digest, Map<String, Optional<String>> texts) {
        String json;
        try {
            json = Files.readString(digest);
        } catch (IOException missingOrUnreadable) {
            return Optional.empty();
        }
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            if (root.get("format").getAsInt() != FORMAT || !root.get("sources").equals(sources(texts))) {
                return Optional.empty();
            }
            return Optional.of(new CharmFiles(relations(root.getAsJsonArray("relations")),
                    options(root.getAsJsonArray("config")), actions(root.getAsJsonArray("actions"))));
        } catch (RuntimeException damaged) {
            // Not JSON, or not the shape written below: parse the YAML instead, as without a digest.
            return Optional.empty();
        }
    }

    /**
     * Records {@code files}, read from {@code texts}, in {@code digest} (replaced atomically), or deletes
     * {@code digest} when a value cannot be stored exactly.
     *
     * @return whether a digest was written
     * @throws IOException when the file cannot be written or deleted
     */
    static boolean write(Path digest, Map<String, Optional<String>> texts, CharmFiles files) throws IOException {
        Optional<JsonObject> root = encode(texts, files);
        if (root.isEmpty()) {
            Files.deleteIfExists(digest);
            return false;
        }
        DurableFiles.replace(digest, root.get().toString());
        return true;
    }

    private static Optional<JsonObject> encode(Map<String, Optional<String>> texts, CharmFiles files) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.add("sources", sources(texts));
        JsonArray relations = new JsonArray();
        for (RelationDeclaration relation : files.relations()) {
            JsonObject json = new JsonObject();
            json.addProperty("name", relation.name());
            json.addProperty("role", relation.role().key());
            json.addProperty("interface", relation.interfaceName());
            relations.add(json);
        }
        root.add("relations", relations);
        JsonArray options = new JsonArray();
        for (ConfigOption option : files.configOptions()) {
            Optional<JsonObject> json = declaration(option.name(), option.type(), option.defaultValue());
            if (json.isEmpty()) {
                return Optional.empty();
            }
            options.add(json.get());
        }
        root.add("config", options);
        JsonArray actions = new JsonArray();
        for (ActionSpec action : files.actions().values()) {
            JsonObject json = new JsonObject();
            json.addProperty("name", action.name());
            JsonArray params = new JsonArray();
            for (Map.Entry<String, ActionSpec.Param> param : action.params().entrySet()) {
                Optional<JsonObject> declared = declaration(param.getKey(), param.getValue().type(),
                        param.getValue().defaultValue());
                if (declared.isEmpty()) {
                    return Optional.empty();
                }
                params.add(declared.get());
            }
            json.add("params", params);
            JsonArray required = new JsonArray();
            action.required().forEach(required::add);
            json.add("required", required);
            json.addProperty("additionalProperties", action.additionalProperties());
            actions.add(json);
        }
        root.add("actions", actions);
        return Optional.of(root);
    }

    /** {@code {"name": ..., "type": ..., "default": ...}}, empty when the default cannot be stored. */
    private static Optional<JsonObject> declaration(String name, String type, Object defaultValue) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("type", type);
        Optional<JsonElement> value = value(defaultValue);
        value.ifPresent(stored -> json.add("default", stored));
        return value.map(stored -> json);
    }

    private static JsonObject sources(Map<String, Optional<String>> texts) {
        JsonObject sources = new JsonObject();
        for (Map.Entry<String, Optional<String>> text : texts.entrySet()) {
            sources.add(text.getKey(), text.getValue().isPresent() ? new JsonPrimitive(text.getValue().get())
                    : JsonNull.INSTANCE);
        }
        return sources;
    }

    /** The JSON of a YAML-read value, empty when JSON cannot give it back exactly (see {@link #plain}). */
    private static Optional<JsonElement> value(Object value) {
        if (value == null) {
            return Optional.of(JsonNull.INSTANCE);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return Optional.of(value instanceof String text ? new JsonPrimitive(text)
                    : value instanceof Boolean bool ? new JsonPrimitive(bool) : new JsonPrimitive((Long) value));
        }
        if (value instanceof Double number) {
            // Double.toString always writes a '.' or an exponent, which is how plain() tells it from a Long.
            return Double.isFinite(number) ? Optional.of(new JsonPrimitive(number)) : Optional.empty();
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            for (Object item : list) {
                Optional<JsonElement> element = value(item);
                if (element.isEmpty()) {
                    return Optional.empty();
                }
                array.add(element.get());
            }
            return Optional.of(array);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<JsonElement> member = value(entry.getValue());
                if (!(entry.getKey() instanceof String key) || member.isEmpty()) {
                    return Optional.empty();
                }
                object.add(key, member.get());
            }
            return Optional.of(object);
        }
        return Optional.empty();
    }

    /** The value {@link #value} stored: Long, Double, Boolean, String, List, LinkedHashMap, or null. */
    private static Object plain(JsonElement json) {
        if (json.isJsonNull()) {
            return null;
        }
        if (json.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            json.getAsJsonArray().forEach(item -> list.add(plain(item)));
            return Collections.unmodifiableList(list);
        }
        if (json.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.getAsJsonObject().entrySet().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        JsonPrimitive primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isString()) {
            return primitive.getAsString();
        }
        String number = primitive.getAsString();
        return number.contains(".") || number.contains("E") ? (Object) Double.parseDouble(number)
                : (Object) Long.parseLong(number);
    }

    private static List<RelationDeclaration> relations(JsonArray json) {
        List<RelationDeclaration> relations = new ArrayList<>();
        for (JsonElement element : json) {
            JsonObject relation = element.getAsJsonObject();
            relations.add(new RelationDeclaration(relation.get("name").getAsString(),
                    RelationDeclaration.Role.valueOf(relation.get("role").getAsString().toUpperCase(Locale.ROOT)),
                    relation.get("interface").getAsString()));
        }
        return relations;
    }

    private static List<ConfigOption> options(JsonArray json) {
        List<ConfigOption> options = new ArrayList<>();
        for (JsonElement element : json) {
            JsonObject option = element.getAsJsonObject();
            options.add(new ConfigOption(option.get("name").getAsString(), option.get("type").getAsString(),
                    plain(option.get("default"))));
        }
        return options;
    }

    private static Map<String, ActionSpec> actions(JsonArray json) {
        Map<String, ActionSpec> actions = new LinkedHashMap<>();
        for (JsonElement element : json) {
            JsonObject action = element.getAsJsonObject();
            Map<String, ActionSpec.Param> params = new LinkedHashMap<>();
            for (JsonElement paramElement : action.getAsJsonArray("params")) {
                JsonObject param = paramElement.getAsJsonObject();
                JsonElement type = param.get("type");
                params.put(param.get("name").getAsString(),
                        new ActionSpec.Param(type.isJsonNull() ? null : type.getAsString(),
                                plain(param.get("default"))));
            }
            List<String> required = new ArrayList<>();
            action.getAsJsonArray("required").forEach(name -> required.add(name.getAsString()));
            String name = action.get("name").getAsString();
            actions.put(name,
                    new ActionSpec(name, params, required, action.get("additionalProperties").getAsBoolean()));
        }
        return actions;
    }
}
