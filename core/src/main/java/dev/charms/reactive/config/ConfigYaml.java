package dev.charms.reactive.config;

import static dev.charms.reactive.internal.YamlNodes.compose;
import static dev.charms.reactive.internal.YamlNodes.mapping;
import static dev.charms.reactive.internal.YamlNodes.scalar;
import static dev.charms.reactive.internal.YamlNodes.value;
import static dev.charms.reactive.internal.YamlNodes.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the option declarations of a {@code config.yaml}:
 * <pre>
 * options:
 *   port:
 *     type: int
 *     default: 8080
 *     description: The port to listen on.
 * </pre>
 * Every error names the file, line and column, and what to write instead.
 */
public final class ConfigYaml {
    private ConfigYaml() {
    }

    /**
     * The options in file order.
     *
     * @param text the file's content
     * @param fileName the name errors use, e.g. {@code config.yaml}
     * @throws IllegalArgumentException for invalid YAML or a declaration Juju would reject
     */
    public static List<ConfigOption> parse(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        Node root = compose(text, fileName);
        List<ConfigOption> options = new ArrayList<>();
        if (root == null) {
            return options;
        }
        MappingNode top = mapping(root, fileName, "the top level");
        Node optionsNode = value(top, "options");
        if (optionsNode == null || optionsNode.getTag() == Tag.NULL) {
            return options;
        }
        for (NodeTuple option : mapping(optionsNode, fileName, "\"options\"").getValue()) {
            String name = scalar(option.getKeyNode(), fileName, "an option name");
            MappingNode declaration = mapping(option.getValueNode(), fileName, "option \"" + name + "\"");
            Node typeNode = value(declaration, "type");
            String type = typeNode == null ? "string" : scalar(typeNode, fileName, "the type of \"" + name + "\"");
            if (!ConfigOption.TYPES.contains(type)) {
                throw new IllegalArgumentException(where(fileName, typeNode.getStartMark()) + ": option \"" + name
                        + "\" has type \"" + type + "\"; use one of string, int, float, boolean, secret");
            }
            Node defaultNode = value(declaration, "default");
            Object defaultValue = defaultNode == null ? null : typedDefault(defaultNode, name, type, fileName);
            options.add(new ConfigOption(name, type, defaultValue));
        }
        return options;
    }

    private static Object typedDefault(Node node, String name, String type, String fileName) {
        Tag tag = node.getTag();
        if (tag == Tag.NULL) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new IllegalArgumentException(where(fileName, node.getStartMark()) + ": the default of \"" + name
                    + "\" must be a single " + type + " value, not a list or mapping");
        }
        Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(scalar.getValue());
        boolean fits = switch (type) {
            case "int" -> tag == Tag.INT;
            case "float" -> tag == Tag.INT || tag == Tag.FLOAT;
            case "boolean" -> tag == Tag.BOOL;
            default -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException(where(fileName, node.getStartMark()) + ": the default of \"" + name
                    + "\" is \"" + scalar.getValue() + "\", which is not a" + (type.equals("int") ? "n " : " ") + type
                    + "; change the default or the type");
        }
        return switch (type) {
            case "int" -> ((Number) value).longValue();
            case "float" -> ((Number) value).doubleValue();
            case "boolean" -> value;
            default -> scalar.getValue();
        };
    }
}
