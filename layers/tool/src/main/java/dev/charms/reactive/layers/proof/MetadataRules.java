package dev.charms.reactive.layers.proof;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of Juju's {@code Meta.Check} and metadata schema (juju/charm), plus endpoint names (Juju's names
 * package) and a few charm-tools checks (summary length, maintainer fields, unknown keys).
 */
final class MetadataRules {

    static final String FILE = "metadata.yaml";

    /** Juju's charm name: lower case, starts with a letter, each hyphen-separated part has a letter. */
    static final Pattern CHARM_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");
    /** Juju's relation (endpoint) name. */
    static final Pattern ENDPOINT_NAME = Pattern.compile("[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*");
    static final Pattern SERIES = Pattern.compile("[a-z]+([a-z0-9]+)?");

    private static final Set<String> KNOWN_KEYS = Set.of("name", "summary", "description", "display-name", "docs",
            "maintainer", "maintainers", "provides", "requires", "peers", "extra-bindings", "subordinate",
            "categories", "tags", "series", "storage", "devices", "deployment", "payloads", "resources",
            "min-juju-version", "assumes", "containers", "charm-user", "revision", "format", "terms", "website",
            "source", "issues");
    private static final Set<String> RELATION_KEYS = Set.of("interface", "scope", "limit", "optional");
    private static final List<String> V1_KEYS = List.of("series", "deployment", "min-juju-version");
    private static final List<String> V2_KEYS = List.of("containers", "assumes", "charm-user");
    private static final Set<String> CHARM_USERS = Set.of("root", "sudoer", "non-root");
    private static final int SUMMARY_LENGTH = 72;

    private MetadataRules() {
    }

    static void check(Map<String, Object> metadata, Findings findings) {
        for (String key : List.of("name", "summary", "description")) {
            Object value = metadata.get(key);
            if (value == null) {
                findings.error(FILE, key, "required field is missing");
            } else if (!Values.isNonBlankString(value)) {
                findings.error(FILE, key, "must be a non-empty string, not " + Values.show(value));
            }
        }
        String name = metadata.get("name") instanceof String text ? text : "";
        if (!name.isEmpty() && !CHARM_NAME.matcher(name).matches()) {
            findings.error(FILE, "name", "invalid charm name \"" + name + "\": use lower-case letters, digits and"
                    + " hyphens, starting with a letter, each hyphen-separated part containing a letter");
        }
        if (metadata.get("summary") instanceof String summary && summary.length() > SUMMARY_LENGTH) {
            findings.warning(FILE, "summary", "longer than " + SUMMARY_LENGTH + " characters ("
                    + summary.length() + "); keep it to one line and put the rest in description");
        }
        for (String key : metadata.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                findings.info(FILE, key, "unknown field; Juju ignores it");
            }
        }
        checkMaintainers(metadata, findings);
        Object subordinate = metadata.get("subordinate");
        if (subordinate != null && !(subordinate instanceof Boolean)) {
            findings.error(FILE, "subordinate", "must be true or false, not " + Values.show(subordinate));
        }
        boolean isSubordinate = Boolean.TRUE.equals(subordinate);
        boolean containerRequires = checkRelations(metadata, name, isSubordinate, findings);
        if (isSubordinate && !containerRequires) {
            findings.error(FILE, "subordinate", "subordinate charm \"" + name + "\" lacks \"requires\" relation"
                    + " with container scope; add one (e.g. juju-info: {interface: juju-info, scope: container})");
        }
        checkExtraBindings(metadata, findings);
        checkFormat(metadata, name, findings);
    }

    private static void checkMaintainers(Map<String, Object> metadata, Findings findings) {
        if (metadata.containsKey("maintainer") && metadata.containsKey("maintainers")) {
            findings.error(FILE, "maintainers", "use either maintainer or maintainers, not both");
        }
        if (metadata.containsKey("maintainer") && !(metadata.get("maintainer") instanceof String)) {
            findings.error(FILE, "maintainer", "must be one string; use maintainers for a list");
        }
        if (metadata.containsKey("maintainers") && !Values.isStringList(metadata.get("maintainers"))) {
            findings.error(FILE, "maintainers", "must be a list of strings");
        }
    }

    /** Checks provides, requires and peers; returns whether some requires endpoint has container scope. */
    private static boolean checkRelations(Map<String, Object> metadata, String name, boolean subordinate,
            Findings findings) {
        Map<String, String> sectionOf = new HashMap<>();
        boolean containerRequires = false;
        for (String section : List.of("provides", "requires", "peers")) {
            Object endpoints = metadata.get(section);
            if (endpoints == null) {
                continue;
            }
            if (!(endpoints instanceof Map<?, ?>)) {
                findings.error(FILE, section, "must be a map of endpoint names to interfaces");
                continue;
            }
            for (Map.Entry<String, Object> entry : Values.map(endpoints).entrySet()) {
                String endpoint = entry.getKey();
                String key = section + "." + endpoint;
                String earlier = sectionOf.putIfAbsent(endpoint, section);
                if (earlier != null) {
                    findings.error(FILE, key, "charm \"" + name + "\" using a duplicated relation name: \""
                            + endpoint + "\" is also in " + earlier + "; endpoint names must be unique across"
                            + " provides, requires and peers");
                }
                if (!ENDPOINT_NAME.matcher(endpoint).matches()) {
                    findings.error(FILE, key, "invalid endpoint name \"" + endpoint + "\": use lower-case letters"
                            + " and digits, starting with a letter, parts separated by one '-' or '_'");
                }
                Relation relation = relation(entry.getValue(), key, findings);
                boolean reservedName = endpoint.equals("juju") || endpoint.startsWith("juju-");
                boolean exempt = name.startsWith("juju-")
                        || (section.equals("requires") && relation.container() && subordinate);
                if (reservedName && !exempt) {
                    findings.error(FILE, key, "charm \"" + name + "\" using a reserved relation name: \"" + endpoint
                            + "\"; names \"juju\" and \"juju-*\" belong to Juju");
                }
                String iface = relation.iface();
                if (!section.equals("requires") && iface != null && (iface.equals("juju") || iface.startsWith("juju-"))) {
                    findings.error(FILE, key, "charm \"" + name + "\" relation \"" + endpoint + "\" using a reserved"
                            + " interface: \"" + iface + "\"; only requires may use juju-* interfaces");
                }
                containerRequires |= section.equals("requires") && relation.container();
            }
        }
        return containerRequires;
    }

    private record Relation(String iface, boolean container) {
    }

    private static Relation relation(Object spec, String key, Findings findings) {
        if (spec instanceof String iface) {
            return new Relation(iface, false);
        }
        if (!(spec instanceof Map<?, ?>)) {
            findings.error(FILE, key, "must be an interface name or a map with an interface key, not "
                    + Values.show(spec));
            return new Relation(null, false);
        }
        Map<String, Object> fields = Values.map(spec);
        Object iface = fields.get("interface");
        if (!Values.isNonBlankString(iface)) {
            findings.error(FILE, key + ".interface", "relation missing interface (a non-empty string)");
        }
        Object scope = fields.getOrDefault("scope", "global");
        if (!"global".equals(scope) && !"container".equals(scope)) {
            findings.error(FILE, key + ".scope", "must be global or container, not " + Values.show(scope));
        }
        Object limit = fields.get("limit");
        if (limit != null && !Values.isInteger(limit)) {
            findings.error(FILE, key + ".limit", "must be an integer, not " + Values.show(limit));
        }
        Object optional = fields.get("optional");
        if (optional != null && !(optional instanceof Boolean)) {
            findings.error(FILE, key + ".optional", "must be true or false, not " + Values.show(optional));
        }
        for (String field : fields.keySet()) {
            if (!RELATION_KEYS.contains(field)) {
                findings.warning(FILE, key + "." + field, "unknown relation field; Juju ignores it (known: "
                        + "interface, limit, optional, scope)");
            }
        }
        return new Relation(iface instanceof String text ? text : null, "container".equals(scope));
    }

    private static void checkExtraBindings(Map<String, Object> metadata, Findings findings) {
        if (!metadata.containsKey("extra-bindings")) {
            return;
        }
        Object bindings = metadata.get("extra-bindings");
        if (!(bindings instanceof Map<?, ?> map) || map.isEmpty()) {
            findings.error(FILE, "extra-bindings", "must be a non-empty map of binding names");
            return;
        }
        for (String binding : Values.map(bindings).keySet()) {
            for (String section : List.of("provides", "requires", "peers")) {
                if (metadata.get(section) instanceof Map<?, ?> endpoints && endpoints.containsKey(binding)) {
                    findings.error(FILE, "extra-bindings." + binding, "relation names (" + binding
                            + ") cannot be used in extra bindings");
                }
            }
        }
    }

    private static void checkFormat(Map<String, Object> metadata, String name, Findings findings) {
        if (metadata.containsKey("series")) {
            Object series = metadata.get("series");
            if (!Values.isStringList(series)) {
                findings.error(FILE, "series", "must be a list of series names");
            } else {
                for (Object item : (List<?>) series) {
                    if (!SERIES.matcher((String) item).matches()) {
                        findings.error(FILE, "series", "charm \"" + name + "\" declares invalid series: \""
                                + item + "\"");
                    }
                }
            }
            findings.warning(FILE, "series", "deprecated: with series Juju reads the charm as format 1; declare"
                    + " bases in manifest.yaml instead");
        }
        for (String v2 : V2_KEYS) {
            for (String v1 : V1_KEYS) {
                if (metadata.containsKey(v2) && metadata.containsKey(v1)) {
                    findings.error(FILE, v2, "ambiguous metadata: keys \"" + v2 + "\" cannot be used with \""
                            + v1 + "\"");
                }
            }
        }
        Object user = metadata.get("charm-user");
        if (user != null && !CHARM_USERS.contains(user)) {
            findings.error(FILE, "charm-user", "invalid charm-user " + Values.show(user)
                    + " expected one of root, sudoer or non-root");
        }
    }
}
