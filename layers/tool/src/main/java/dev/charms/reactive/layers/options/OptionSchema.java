package dev.charms.reactive.layers.options;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.yaml.YamlDocuments;
import dev.charms.reactive.layers.yaml.YamlMerge;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of one layer option, in the subset of JSON-schema (draft 4) that layers use: {@code type}
 * ({@code string}, {@code boolean}, {@code integer}, {@code number}, {@code array}, {@code object},
 * {@code null}), {@code enum}, {@code default}, {@code items} (for arrays), {@code properties} and
 * {@code additionalProperties} (for objects), and the ignored {@code description} and {@code title}. Any other
 * keyword is an error rather than silently unchecked.
 */
public final class OptionSchema {

    private static final Set<String> TYPES = Set.of("string", "boolean", "integer", "number", "array", "object",
            "null");
    private static final Set<String> KEYWORDS = Set.of("type", "enum", "default", "description", "title", "items",
            "properties", "additionalProperties");

    private final String type;
    private final List<Object> allowed;
    private final boolean hasDefault;
    private final Object defaultValue;
    private final OptionSchema items;
    private final Map<String, OptionSchema> properties;
    private final boolean additionalProperties;

    private OptionSchema(String type, List<Object> allowed, boolean hasDefault, Object defaultValue,
            OptionSchema items, Map<String, OptionSchema> properties, boolean additionalProperties) {
        this.type = type;
        this.allowed = allowed;
        this.hasDefault = hasDefault;
        this.defaultValue = defaultValue;
        this.items = items;
        this.properties = properties;
        this.additionalProperties = additionalProperties;
    }

    /**
     * Compiles a schema read from YAML.
     *
     * @param where names the schema in errors, e.g. {@code /x/layer.yaml: defines.java-version}
     * @throws LayerToolException for an unsupported keyword, a bad type, or a default the schema rejects
     */
    public static OptionSchema parse(Object yaml, String where) {
        if (!(yaml instanceof Map<?, ?> raw)) {
            throw new LayerToolException(where + ": a schema must be a map (e.g. {type: string, default: x}),"
                    + " found " + YamlDocuments.describe(yaml));
        }
        Map<String, Object> schema = YamlMerge.asMap(raw);
        for (String key : schema.keySet()) {
            if (!KEYWORDS.contains(key)) {
                throw new LayerToolException(where + ": schema keyword \"" + key + "\" is not supported; use "
                        + String.join(", ", KEYWORDS.stream().sorted().toList()));
            }
        }
        Object type = schema.get("type");
        if (type != null && !(type instanceof String name && TYPES.contains(name))) {
            throw new LayerToolException(where + ": type " + type + " is not one of "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        Object allowed = schema.get("enum");
        if (allowed != null && !(allowed instanceof List<?> list && !list.isEmpty())) {
            throw new LayerToolException(where + ": enum must be a non-empty list of the allowed values");
        }
        OptionSchema items = schema.containsKey("items") ? parse(schema.get("items"), where + ".items") : null;
        Map<String, OptionSchema> properties = new LinkedHashMap<>();
        Object props = schema.get("properties");
        if (props != null) {
            if (!(props instanceof Map<?, ?> map)) {
                throw new LayerToolException(where + ": properties must be a map of property names to schemas");
            }
            YamlMerge.asMap(map).forEach((name, sub) -> properties.put(name, parse(sub, where + "." + name)));
        }
        Object additional = schema.getOrDefault("additionalProperties", Boolean.TRUE);
        if (!(additional instanceof Boolean)) {
            throw new LayerToolException(where + ": additionalProperties must be true or false");
        }
        @SuppressWarnings("unchecked")
        List<Object> allowedValues = allowed == null ? null : (List<Object>) allowed;
        OptionSchema result = new OptionSchema((String) type, allowedValues, schema.containsKey("default"),
                schema.get("default"), items, properties, (Boolean) additional);
        if (result.hasDefault) {
            List<String> problems = new ArrayList<>();
            result.validate(result.defaultValue, "default", problems);
            if (!problems.isEmpty()) {
                throw new LayerToolException(where + ": " + String.join("; ", problems));
            }
        }
        return result;
    }

    /** Whether the schema has a {@code default}. */
    public boolean hasDefault() {
        return hasDefault;
    }

    /**
     * Checks {@code value} and adds one line per problem to {@code problems}, each starting with {@code path}.
     */
    public void validate(Object value, String path, List<String> problems) {
        if (type != null && !hasType(value)) {
            problems.add(path + ": expected " + type + ", got " + YamlDocuments.describe(value) + shown(value));
            return;
        }
        if (allowed != null && !allowed.contains(value)) {
            problems.add(path + ": must be one of " + allowed + ", got " + literal(value));
            return;
        }
        if (value instanceof List<?> list && items != null) {
            for (int i = 0; i < list.size(); i++) {
                items.validate(list.get(i), path + "[" + i + "]", problems);
            }
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : YamlMerge.asMap(map).entrySet()) {
                OptionSchema property = properties.get(entry.getKey());
                if (property != null) {
                    property.validate(entry.getValue(), path + "." + entry.getKey(), problems);
                } else if (!additionalProperties) {
                    problems.add(path + ": unknown property \"" + entry.getKey() + "\"; known: "
                            + String.join(", ", properties.keySet()));
                }
            }
        }
    }

    /**
     * {@code value} with the defaults of absent object properties filled in, recursively; when {@code value} is
     * null, the default (or null when there is none).
     */
    public Object withDefaults(Object value) {
        if (value == null) {
            return hasDefault ? withDefaults(YamlMerge.copy(defaultValue)) : null;
        }
        if (value instanceof Map<?, ?> map && !properties.isEmpty()) {
            Map<String, Object> result = YamlMerge.copyMap(YamlMerge.asMap(map));
            properties.forEach((name, property) -> {
                Object filled = property.withDefaults(result.get(name));
                if (filled != null || result.containsKey(name)) {
                    result.put(name, filled);
                }
            });
            return result;
        }
        return YamlMerge.copy(value);
    }

    private boolean hasType(Object value) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case "number" -> value instanceof Number;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            default -> value == null;
        };
    }

    private static String shown(Object value) {
        return value instanceof Map || value instanceof List || value == null ? "" : " (" + literal(value) + ")";
    }

    private static String literal(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
