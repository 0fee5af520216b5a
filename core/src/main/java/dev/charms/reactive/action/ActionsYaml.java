package dev.charms.reactive.action;

import static dev.charms.reactive.internal.YamlNodes.compose;
import static dev.charms.reactive.internal.YamlNodes.mapping;
import static dev.charms.reactive.internal.YamlNodes.scalar;
import static dev.charms.reactive.internal.YamlNodes.value;
import static dev.charms.reactive.internal.YamlNodes.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the actions of an {@code actions.yaml}:
 * <pre>
 * backup:
 *   description: Back the database up.
 *   params:
 *     target: {type: string, description: Where to.}
 *     compress: {type: boolean, default: true}
 *   required: [target]
 *   additionalProperties: false
 * </pre>
 * Every error names the file, line and column, and what to write instead.
 */
public final class ActionsYaml {
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private ActionsYaml() {
    }

    /**
     * The actions in file order, by name.
     *
     * @param text the file's content
     * @param fileName the name errors use, e.g. {@code actions.yaml}
     * @throws IllegalArgumentException for invalid YAML or a declaration Juju would reject
     */
    public static Map<String, ActionSpec> parse(String text, String fileName) {
        Node root = compose(text, fileName);
        Map<String, ActionSpec> actions = new LinkedHashMap<>();
        if (root == null || root.getTag() == Tag.NULL) {
            return actions;
        }
        for (NodeTuple action : mapping(root, fileName, "the top level").getValue()) {
            String name = scalar(action.getKeyNode(), fileName, "an action name");
            if (!NAME.matcher(name).matches() || name.equals("juju") || name.startsWith("juju-")) {
                throw new IllegalArgumentException(where(fileName, action.getKeyNode()) + ": bad action name \"" + name
                        + "\": use lowercase letters, digits and inner hyphens, not \"juju\" or a \"juju-\" prefix");
            }
            Node specNode = action.getValueNode();
            MappingNode spec = specNode.getTag() == Tag.NULL ? null : mapping(specNode, fileName, "action \"" + name + "\"");
            actions.put(name, spec == null ? new ActionSpec(name, Map.of(), List.of(), true) : spec(name, spec, fileName));
        }
        return actions;
    }

    private static ActionSpec spec(String action, MappingNode spec, String fileName) {
        Map<String, ActionSpec.Param> params = new LinkedHashMap<>();
        Node paramsNode = value(spec, "params");
        if (paramsNode != null && paramsNode.getTag() != Tag.NULL) {
            for (NodeTuple param : mapping(paramsNode, fileName, "the params of action \"" + action + "\"").getValue()) {
                String name = scalar(param.getKeyNode(), fileName, "a parameter name");
                params.put(name, param(action, name, param.getValueNode(), fileName));
            }
        }
        List<String> required = new ArrayList<>();
        Node requiredNode = value(spec, "required");
        if (requiredNode != null && requiredNode.getTag() != Tag.NULL) {
            if (!(requiredNode instanceof SequenceNode list)) {
                throw new IllegalArgumentException(where(fileName, requiredNode) + ": \"required\" of action \""
                        + action + "\" must be a YAML list of parameter names, such as [target]");
            }
            for (Node item : list.getValue()) {
                String param = scalar(item, fileName, "a required parameter name");
                if (!params.containsKey(param)) {
                    throw new IllegalArgumentException(where(fileName, item) + ": action \"" + action
                            + "\" requires parameter \"" + param + "\", which its params do not declare ("
                            + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")");
                }
                required.add(param);
            }
        }
        Node additional = value(spec, "additionalProperties");
        boolean additionalProperties = true;
        if (additional != null) {
            if (additional.getTag() != Tag.BOOL) {
                throw new IllegalArgumentException(where(fileName, additional) + ": \"additionalProperties\" of action \""
                        + action + "\" must be true or false");
            }
            additionalProperties = Boolean.parseBoolean(scalar(additional, fileName, "additionalProperties"));
        }
        return new ActionSpec(action, params, required, additionalProperties);
    }

    private static ActionSpec.Param param(String action, String name, Node node, String fileName) {
        String what = "parameter \"" + name + "\" of action \"" + action + "\"";
        if (node.getTag() == Tag.NULL) {
            return new ActionSpec.Param(null, null);
        }
        MappingNode declaration = mapping(node, fileName, what);
        Node typeNode = value(declaration, "type");
        String type = typeNode == null ? null : scalar(typeNode, fileName, "the type of " + what);
        if (type != null && !ActionSpec.TYPES.contains(type)) {
            throw new IllegalArgumentException(where(fileName, typeNode) + ": " + what + " has type \"" + type
                    + "\"; use one of " + String.join(", ", new TreeSet<>(ActionSpec.TYPES)));
        }
        Node defaultNode = value(declaration, "default");
        Object defaultValue = defaultNode == null ? null : load(defaultNode);
        if (type != null && defaultValue != null && !ActionSpec.fits(type, defaultValue)) {
            throw new IllegalArgumentException(where(fileName, defaultNode) + ": the default of " + what + " is not "
                    + ActionSpec.withArticle(type) + "; change the default or the type");
        }
        return new ActionSpec.Param(type, defaultValue);
    }

    /** The node as plain Java values, numbers widened to Long and Double as {@code action-get} gives them. */
    private static Object load(Node node) {
        java.io.StringWriter out = new java.io.StringWriter();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        yaml.serialize(node, out);
        return widen(yaml.load(out.toString()));
    }

    /**
     * A parameter value as {@code action-get} gives it: integers (Integer, BigInteger...) as Long, other numbers as
     * Double, lists and maps (keys as strings) converted item by item, anything else unchanged. For values that come
     * from YAML, or from a test that runs an action with Java values.
     */
    public static Object widen(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && !(value instanceof Long)) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ActionsYaml::widen).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), widen(v)));
            return result;
        }
        return value;
    }
}
