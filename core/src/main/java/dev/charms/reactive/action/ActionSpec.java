package dev.charms.reactive.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One action of {@code actions.yaml} and the schema of its parameters, as far as a handler relies on it: each
 * parameter's JSON-Schema {@code type} and {@code default}, the {@code required} list and
 * {@code additionalProperties: false}. Juju checks parameters against the full schema before it runs the
 * action; {@link #validate} checks them again, so a handler's typed reads hold, and applies the defaults.
 * Nested schemas (the {@code properties} of an {@code object} parameter) are not checked here.
 *
 * @param name the action name
 * @param params the declared parameters, in file order
 * @param required the parameters that must be given
 * @param additionalProperties false when parameters not declared are rejected
 */
public record ActionSpec(String name, Map<String, Param> params, List<String> required, boolean additionalProperties) {

    /** The JSON-Schema types a parameter may declare. */
    public static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");

    /**
     * One declared parameter.
     *
     * @param type one of {@link #TYPES}, or null when the schema gives none (any value is accepted)
     * @param defaultValue the schema's default as read from YAML (Long, Double, Boolean, String, List, Map), or
     *     null when none
     */
    public record Param(String type, Object defaultValue) {
        public Param {
            if (type != null && !TYPES.contains(type)) {
                throw new IllegalArgumentException("parameter type " + type + " is not one of " + new TreeSet<>(TYPES));
            }
        }
    }

    public ActionSpec {
        Objects.requireNonNull(name, "name");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        required = List.copyOf(required);
    }

    /**
     * The parameters Juju gave ({@code action-get}), checked against this schema, with the defaults of the
     * parameters not given added.
     *
     * @param given the parameters, as JSON values (Long, Double, Boolean, String, List, Map)
     * @return the parameters a handler sees, in the order given, then the defaults in file order
     * @throws ActionParamsException naming every parameter at fault
     */
    public Map<String, Object> validate(Map<String, Object> given) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> result = new LinkedHashMap<>(given);
        for (String param : required) {
            if (!given.containsKey(param)) {
                problems.add("missing required parameter \"" + param + "\"");
            }
        }
        given.forEach((param, value) -> {
            Param declared = params.get(param);
            if (declared == null) {
                if (!additionalProperties) {
                    problems.add("unknown parameter \"" + param + "\"; " + declaredNames());
                }
            } else if (declared.type() != null && !fits(declared.type(), value)) {
                problems.add("parameter \"" + param + "\" must be " + withArticle(declared.type()) + ", not " + describe(value));
            }
        });
        params.forEach((param, declared) -> {
            if (!result.containsKey(param) && declared.defaultValue() != null) {
                result.put(param, declared.defaultValue());
            }
        });
        if (!problems.isEmpty()) {
            throw new ActionParamsException(name, problems);
        }
        return result;
    }

    private String declaredNames() {
        return params.isEmpty() ? "action " + name + " takes no parameters"
                : "action " + name + " takes " + String.join(", ", params.keySet());
    }

    static boolean fits(String type, Object value) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long || value instanceof Integer
                    || value instanceof Double d && d == Math.rint(d) && !d.isInfinite();
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            default -> throw new IllegalStateException(type);
        };
    }

    /** {@code an integer}, {@code a string}, ... */
    static String withArticle(String type) {
        return (type.equals("integer") || type.equals("array") || type.equals("object") ? "an " : "a ") + type;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value instanceof String ? "a string" : value instanceof Boolean ? "a boolean"
                : value instanceof Number ? "a number" : value instanceof List ? "an array" : value instanceof Map
                ? "an object" : "a " + value.getClass().getSimpleName();
        return type + " (" + value + ")";
    }
}
