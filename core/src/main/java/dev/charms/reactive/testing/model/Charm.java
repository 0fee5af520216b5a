package dev.charms.reactive.testing.model;

import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.RelationDeclaration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated application runs: its handler classes, the options of its {@code config.yaml} and the relations
 * of its {@code metadata.yaml}. Immutable; each method returns a new charm.
 * <pre>{@code
 * Charm hello = Charm.of(HelloCharm.class).configYaml("options: {greeting: {type: string, default: hello}}");
 * }</pre>
 */
public final class Charm {
    private final HandlerSet handlers;
    private final List<ConfigOption> options;
    private final List<RelationDeclaration> relations;

    private Charm(HandlerSet handlers, List<ConfigOption> options, List<RelationDeclaration> relations) {
        this.handlers = handlers;
        this.options = options;
        this.relations = relations;
    }

    /**
     * A charm of these handler classes, in layer order; each uses its generated index when present, else the
     * reflective builder ({@link HandlerDiscovery#forClass}).
     *
     * @throws dev.charms.reactive.discovery.HandlerDiscoveryException if a class's handlers cannot be used
     */
    public static Charm of(Class<?>... handlerClasses) {
        return new Charm(HandlerSet.of(Arrays.stream(handlerClasses).map(HandlerDiscovery::forClass).toList()),
                List.of(), List.of());
    }

    /** The option declarations, from the text of a {@code config.yaml}. */
    public Charm configYaml(String text) {
        return new Charm(handlers, ConfigYaml.parse(text, "config.yaml"), relations);
    }

    /** The relations of {@code metadata.yaml}. */
    public Charm relations(RelationDeclaration... declarations) {
        return new Charm(handlers, options, List.of(declarations));
    }

    HandlerSet handlers() {
        return handlers;
    }

    List<ConfigOption> options() {
        return options;
    }

    List<RelationDeclaration> relations() {
        return relations;
    }

    /** The declared option of this name, or an error listing the declared ones. */
    ConfigOption option(String application, String name) {
        Objects.requireNonNull(name, "name");
        return options.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("application " + application + " has no config option '"
                        + name + "'; its config.yaml declares " + options.stream().map(ConfigOption::name).toList()));
    }
}
