package dev.charms.reactive.layers.proof;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of Juju's actions.yaml reader (juju/charm actions.go). */
final class ActionsRules {

    static final String FILE = "actions.yaml";

    private static final Pattern ACTION_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Set<String> STRING_KEYS = Set.of("description", "title", "execution-group");
    private static final Set<String> JSON_TYPES = Set.of("string", "number", "integer", "boolean", "array",
            "object", "null");

    private ActionsRules() {
    }

    static void check(Map<String, Object> actions, Findings findings) {
        actions.forEach((name, spec) -> checkAction(name, spec, findings));
    }

    private static void checkAction(String name, Object spec, Findings findings) {
        if (!ACTION_NAME.matcher(name).matches()) {
            findings.error(FILE, name, "bad action name " + name + ": use lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit");
        }
        if (name.equals("juju")) {
            findings.error(FILE, name, "cannot use action name " + name + ": \"juju\" is a reserved name");
        } else if (name.startsWith("juju-")) {
            findings.error(FILE, name, "cannot use action name " + name + ": the \"juju-\" prefix is reserved");
        }
        if (spec == null) {
            return;
        }
        if (!(spec instanceof Map<?, ?>)) {
            findings.error(FILE, name, "must be a map (description, params, ...), not " + Values.show(spec));
            return;
        }
        Map<String, Object> fields = Values.map(spec);
        for (String key : STRING_KEYS) {
            if (fields.containsKey(key) && !(fields.get(key) instanceof String)) {
                findings.error(FILE, name + "." + key, "value for schema key \"" + key + "\" must be a string");
            }
        }
        if (fields.containsKey("parallel") && !(fields.get("parallel") instanceof Boolean)) {
            findings.error(FILE, name + ".parallel", "value for schema key \"parallel\" must be a bool");
        }
        Object params = fields.get("params");
        if (params != null && !(params instanceof Map<?, ?>)) {
            findings.error(FILE, name + ".params", "must be a map of parameter names to JSON schemas");
            params = null;
        }
        Map<String, Object> parameters = params == null ? Map.of() : Values.map(params);
        parameters.forEach((param, schema) -> checkSchema(schema, name + ".params." + param, findings));
        Object required = fields.get("required");
        if (required != null) {
            if (!Values.isStringList(required)) {
                findings.error(FILE, name + ".required", "value for schema key \"required\" must be a YAML list"
                        + " of parameter names");
            } else {
                for (Object param : (List<?>) required) {
                    if (!parameters.containsKey(param)) {
                        findings.warning(FILE, name + ".required", "\"" + param + "\" is required but not among"
                                + " the params");
                    }
                }
            }
        }
        Object additional = fields.get("additionalProperties");
        if (additional != null && !(additional instanceof Boolean) && !(additional instanceof Map<?, ?>)) {
            findings.error(FILE, name + ".additionalProperties", "must be true, false or a schema");
        }
        findRefs(fields, name, findings);
    }

    private static void checkSchema(Object schema, String key, Findings findings) {
        if (!(schema instanceof Map<?, ?>)) {
            findings.error(FILE, key, "must be a JSON schema (a map such as {type: string}), not "
                    + Values.show(schema));
            return;
        }
        Object type = Values.map(schema).get("type");
        boolean valid = type == null || (type instanceof String text && JSON_TYPES.contains(text))
                || (type instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(JSON_TYPES::contains));
        if (!valid) {
            findings.error(FILE, key + ".type", "JSON schema type " + Values.show(type) + " is not one of "
                    + "string, number, integer, boolean, array, object, null");
        }
    }

    private static void findRefs(Object value, String key, Findings findings) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : Values.map(map).entrySet()) {
                if (entry.getKey().equals("$ref") || entry.getKey().equals("$schema")) {
                    findings.error(FILE, key + "." + entry.getKey(), "schema key \"" + entry.getKey()
                            + "\" not compatible with this version of juju");
                }
                findRefs(entry.getValue(), key + "." + entry.getKey(), findings);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> findRefs(item, key, findings));
        }
    }
}
