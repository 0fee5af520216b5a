package dev.charms.reactive.layers.proof;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of Juju's config.yaml reader (juju/charm config.go), plus charm-tools' option-name check. */
final class ConfigRules {

    static final String FILE = "config.yaml";

    private static final Pattern OPTION_NAME = Pattern.compile("[a-z0-9]+(?:[\\w-]*[a-z0-9]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TYPES = Set.of("string", "int", "float", "boolean", "secret");
    private static final Set<String> OPTION_KEYS = Set.of("type", "description", "default");

    private ConfigRules() {
    }

    static void check(Map<String, Object> config, Findings findings) {
        if (!config.containsKey("options")) {
            findings.error(FILE, "", "invalid config: empty configuration; put the options under \"options:\"");
            return;
        }
        for (String key : config.keySet()) {
            if (!key.equals("options")) {
                findings.warning(FILE, key, "ignored: Juju reads only \"options\"");
            }
        }
        Object options = config.get("options");
        if (options == null) {
            return;
        }
        if (!(options instanceof Map<?, ?>)) {
            findings.error(FILE, "options", "must be a map of option names to option specs");
            return;
        }
        Values.map(options).forEach((name, spec) -> checkOption(name, spec, findings));
    }

    private static void checkOption(String name, Object spec, Findings findings) {
        String key = "options." + name;
        if (!OPTION_NAME.matcher(name).matches()) {
            findings.error(FILE, key, "invalid option name \"" + name + "\": use letters, digits, '-' and '_',"
                    + " starting and ending with a letter or digit");
        }
        if (!(spec instanceof Map<?, ?>)) {
            findings.error(FILE, key, "must be a map with type, description and default");
            return;
        }
        Map<String, Object> fields = Values.map(spec);
        for (String field : fields.keySet()) {
            if (!OPTION_KEYS.contains(field)) {
                findings.warning(FILE, key + "." + field, "unknown option field; Juju ignores it");
            }
        }
        if (!Values.isNonBlankString(fields.get("description"))) {
            findings.warning(FILE, key + ".description", "missing or empty: say what the option does");
        }
        Object type = fields.get("type");
        if (type == null) {
            findings.info(FILE, key + ".type", "missing: Juju treats the option as a string");
            type = "string";
        }
        if (!TYPES.contains(type)) {
            findings.error(FILE, key + ".type", "option \"" + name + "\" has unknown type " + Values.show(type)
                    + "; use string, int, float, boolean or secret");
            return;
        }
        Object value = fields.get("default");
        if (value != null && !matches((String) type, value)) {
            findings.error(FILE, key + ".default", "invalid config default: option \"" + name + "\" expected "
                    + type + ", got " + Values.show(value)
                    + (type.equals("secret") ? " (a secret default is \"\" or a secret: URI)" : ""));
        }
    }

    private static boolean matches(String type, Object value) {
        return switch (type) {
            case "int" -> Values.isInteger(value);
            case "float" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "secret" -> value instanceof String text && (text.isEmpty() || text.startsWith("secret:"));
            default -> value instanceof String;
        };
    }
}
