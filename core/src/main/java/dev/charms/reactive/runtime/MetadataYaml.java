package dev.charms.reactive.runtime;

import static dev.charms.reactive.internal.YamlNodes.compose;
import static dev.charms.reactive.internal.YamlNodes.mapping;
import static dev.charms.reactive.internal.YamlNodes.scalar;
import static dev.charms.reactive.internal.YamlNodes.value;
import static dev.charms.reactive.internal.YamlNodes.where;

import dev.charms.reactive.dispatch.RelationDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads what the runtime needs from {@code metadata.yaml}: the relations, by role, in file order. A relation is
 * a mapping with an {@code interface}, or (Juju's shorthand) just the interface name:
 * <pre>
 * provides:
 *   website: {interface: http}
 * requires:
 *   db: mysql
 * </pre>
 * Every error names the file, line and column. Everything else in the file is left to Juju.
 */
public final class MetadataYaml {
    private MetadataYaml() {
    }

    /**
     * The relations of {@code provides}, then {@code requires}, then {@code peers}, each in file order.
     *
     * @throws IllegalArgumentException for invalid YAML or a relation without an interface
     */
    public static List<RelationDeclaration> relations(String text, String fileName) {
        Node root = compose(text, fileName);
        List<RelationDeclaration> relations = new ArrayList<>();
        if (root == null) {
            return relations;
        }
        MappingNode top = mapping(root, fileName, "the top level");
        for (RelationDeclaration.Role role : RelationDeclaration.Role.values()) {
            Node section = value(top, role.key());
            if (section == null || section.getTag() == Tag.NULL) {
                continue;
            }
            for (NodeTuple relation : mapping(section, fileName, "\"" + role.key() + "\"").getValue()) {
                String name = scalar(relation.getKeyNode(), fileName, "a relation name");
                relations.add(new RelationDeclaration(name, role,
                        interfaceOf(relation.getValueNode(), role.key() + " relation \"" + name + "\"", fileName)));
            }
        }
        return relations;
    }

    private static String interfaceOf(Node node, String what, String fileName) {
        if (node instanceof ScalarNode scalar && node.getTag() != Tag.NULL) {
            return scalar.getValue();
        }
        Node interfaceNode = node.getTag() == Tag.NULL ? null : value(mapping(node, fileName, what), "interface");
        if (interfaceNode == null || interfaceNode.getTag() == Tag.NULL) {
            throw new IllegalArgumentException(where(fileName, node) + ": " + what + " has no interface; add "
                    + "\"interface: <name>\"");
        }
        return scalar(interfaceNode, fileName, "the interface of " + what);
    }
}
