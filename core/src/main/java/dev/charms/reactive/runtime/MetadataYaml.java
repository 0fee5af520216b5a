package dev.charms.reactive.runtime;

import static dev.charms.reactive.internal.YamlNodes.compose;
import static dev.charms.reactive.internal.YamlNodes.mapping;
import static dev.charms.reactive.internal.YamlNodes.scalar;
import static dev.charms.reactive.internal.YamlNodes.value;
import static dev.charms.reactive.internal.YamlNodes.where;

import dev.charms.reactive.dispatch.RelationDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads what the runtime and the model simulator need from {@code metadata.yaml}: the charm's name, the relations, by
 * role, in file order, their scope, and whether the charm is a subordinate. A relation is a mapping with an
 * {@code interface} (and optionally a {@code scope}), or (Juju's shorthand) just the interface name:
 * <pre>
 * subordinate: true
 * provides:
 *   website: {interface: http}
 * requires:
 *   db: mysql
 *   host: {interface: juju-info, scope: container}
 * </pre>
 * Every error names the file, line and column. Everything else in the file is left to Juju.
 */
public final class MetadataYaml {
    private MetadataYaml() {
    }

    /**
     * The charm's {@code name}, which Juju requires and takes as the application's name by default; empty when the
     * file gives none.
     *
     * @throws IllegalArgumentException for invalid YAML or a name that is not a plain value
     */
    public static Optional<String> name(String text, String fileName) {
        Node root = compose(text, fileName);
        Node node = root == null ? null : value(mapping(root, fileName, "the top level"), "name");
        if (node == null || node.getTag() == Tag.NULL) {
            return Optional.empty();
        }
        return Optional.of(scalar(node, fileName, "the charm's name"));
    }

    /**
     * The relations of {@code provides}, then {@code requires}, then {@code peers}, each in file order.
     *
     * @throws IllegalArgumentException for invalid YAML or a relation without an interface
     */
    public static List<RelationDeclaration> relations(String text, String fileName) {
        List<RelationDeclaration> relations = new ArrayList<>();
        forEachRelation(text, fileName, (role, name, node) -> relations.add(new RelationDeclaration(name, role,
                interfaceOf(node, role.key() + " relation \"" + name + "\"", fileName))));
        return relations;
    }

    /**
     * The endpoints whose relations are container-scoped ({@code scope: container}), in the order of
     * {@link #relations}; Juju's default scope is {@code global}.
     *
     * @throws IllegalArgumentException for invalid YAML or a scope other than {@code global} and {@code container}
     */
    public static Set<String> containerScoped(String text, String fileName) {
        Set<String> scoped = new LinkedHashSet<>();
        forEachRelation(text, fileName, (role, name, node) -> {
            if (isContainerScoped(node, role.key() + " relation \"" + name + "\"", fileName)) {
                scoped.add(name);
            }
        });
        return scoped;
    }

    /**
     * Whether the charm is a subordinate ({@code subordinate: true}). As Juju checks, a subordinate must require a
     * relation of container scope, through which it attaches to its principal.
     *
     * @throws IllegalArgumentException for invalid YAML, a {@code subordinate} that is not true or false, or a
     *     subordinate without a container-scoped {@code requires} relation
     */
    public static boolean subordinate(String text, String fileName) {
        Node root = compose(text, fileName);
        Node node = root == null ? null : value(mapping(root, fileName, "the top level"), "subordinate");
        if (node == null || node.getTag() == Tag.NULL) {
            return false;
        }
        if (node.getTag() != Tag.BOOL) {
            throw new IllegalArgumentException(where(fileName, node) + ": \"subordinate\" must be true or false");
        }
        if (!Boolean.parseBoolean(scalar(node, fileName, "subordinate"))) {
            return false;
        }
        List<String> requires = new ArrayList<>();
        forEachRelation(text, fileName, (role, name, relation) -> {
            if (role == RelationDeclaration.Role.REQUIRES && isContainerScoped(relation, "requires relation \""
                    + name + "\"", fileName)) {
                requires.add(name);
            }
        });
        if (requires.isEmpty()) {
            throw new IllegalArgumentException(where(fileName, node) + ": a subordinate charm needs a \"requires\""
                    + " relation with container scope to attach to its principal; add one, e.g. \"requires:"
                    + " {juju-info: {interface: juju-info, scope: container}}\"");
        }
        return true;
    }

    /** What to do with one relation: its role, its name and its declaration's node. */
    @FunctionalInterface
    private interface RelationVisitor {
        void visit(RelationDeclaration.Role role, String name, Node declaration);
    }

    private static void forEachRelation(String text, String fileName, RelationVisitor visitor) {
        Node root = compose(text, fileName);
        if (root == null) {
            return;
        }
        MappingNode top = mapping(root, fileName, "the top level");
        for (RelationDeclaration.Role role : RelationDeclaration.Role.values()) {
            Node section = value(top, role.key());
            if (section == null || section.getTag() == Tag.NULL) {
                continue;
            }
            for (NodeTuple relation : mapping(section, fileName, "\"" + role.key() + "\"").getValue()) {
                visitor.visit(role, scalar(relation.getKeyNode(), fileName, "a relation name"), relation.getValueNode());
            }
        }
    }

    private static boolean isContainerScoped(Node node, String what, String fileName) {
        if (!(node instanceof MappingNode declaration)) {
            return false;
        }
        Node scope = value(declaration, "scope");
        if (scope == null || scope.getTag() == Tag.NULL) {
            return false;
        }
        String value = scalar(scope, fileName, "the scope of " + what);
        if (!value.equals("global") && !value.equals("container")) {
            throw new IllegalArgumentException(where(fileName, scope) + ": " + what + " has scope \"" + value
                    + "\"; use global (the default) or container");
        }
        return value.equals("container");
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
