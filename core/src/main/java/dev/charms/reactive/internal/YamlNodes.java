package dev.charms.reactive.internal;

import java.io.StringReader;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the charm's YAML files ({@code metadata.yaml}, {@code config.yaml}, {@code actions.yaml}) as nodes, so
 * that every error names the file, line and column. Internal.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /**
     * The document's root node; null for an empty document.
     *
     * @throws IllegalArgumentException for invalid YAML, naming the file, line and column
     */
    public static Node compose(String text, String fileName) {
        Objects.requireNonNull(text, "text");
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(where(fileName, e.getProblemMark()) + ": invalid YAML: " + e.getProblem(), e);
        }
    }

    /** {@code node} as a mapping, or an error saying that {@code what} must be one. */
    public static MappingNode mapping(Node node, String fileName, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new IllegalArgumentException(where(fileName, node) + ": " + what + " must be a mapping of names to values");
    }

    /** {@code node}'s text, or an error saying that {@code what} must be a plain value. */
    public static String scalar(Node node, String fileName, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new IllegalArgumentException(where(fileName, node) + ": " + what + " must be a plain value");
    }

    /** The value under {@code key}, or null when the mapping has no such key. */
    public static Node value(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(NodeTuple::getValueNode)
                .findFirst()
                .orElse(null);
    }

    /** {@code file:line:column} of where the node starts, counting from 1. */
    public static String where(String fileName, Node node) {
        return where(fileName, node.getStartMark());
    }

    /** {@code file:line:column} of the mark, counting from 1. */
    public static String where(String fileName, Mark mark) {
        return fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
