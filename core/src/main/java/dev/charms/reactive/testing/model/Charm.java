package dev.charms.reactive.testing.model;

import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.runtime.CharmFiles;
import dev.charms.reactive.runtime.MetadataYaml;
import dev.charms.reactive.testing.Harness;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a simulated application runs: its handler classes, the name and relations of its {@code metadata.yaml} (with
 * their scope, and whether it is a subordinate), the options of its {@code config.yaml}, the actions of its
 * {@code actions.yaml}, and a revision that tells one build of it from the next ({@link Model#refresh}). Immutable;
 * each method returns a new charm.
 * <pre>{@code
 * Charm hello = Charm.of(HelloCharm.class).configYaml("options: {greeting: {type: string, default: hello}}");
 * Charm fromSources = Charm.fromDirectory(Path.of("src/main/charm"), HelloCharm.class);
 * Charm next = hello.configYaml("options: {greeting: {type: string, default: hi}}").revision(2);
 * }</pre>
 */
public final class Charm {
    private final HandlerSet handlers;
    /** The name of {@code metadata.yaml}; null until one is read. */
    private final String name;
    private final List<ConfigOption> options;
    private final List<RelationDeclaration> relations;
    private final Set<String> containerScoped;
    private final boolean subordinate;
    private final Map<String, ActionSpec> actions;
    private final int revision;

    private Charm(HandlerSet handlers, String name, List<ConfigOption> options, List<RelationDeclaration> relations,
            Set<String> containerScoped, boolean subordinate, Map<String, ActionSpec> actions, int revision) {
        this.handlers = handlers;
        this.name = name;
        this.options = List.copyOf(options);
        this.relations = List.copyOf(relations);
        this.containerScoped = Set.copyOf(containerScoped);
        this.subordinate = subordinate;
        this.actions = actions;
        this.revision = revision;
    }

    /**
     * A charm of these handler classes, in layer order, with no relations, options or actions, revision 1; each
     * class uses its generated index when present, else the reflective builder ({@link HandlerDiscovery#forClass}).
     *
     * @throws dev.charms.reactive.discovery.HandlerDiscoveryException if a class's handlers cannot be used
     */
    public static Charm of(Class<?>... handlerClasses) {
        return of(HandlerSet.of(Arrays.stream(handlerClasses).map(HandlerDiscovery::forClass).toList()));
    }

    /** A charm of these handlers, e.g. those discovery found, with no relations, options or actions, revision 1. */
    public static Charm of(HandlerSet handlers) {
        return new Charm(Objects.requireNonNull(handlers, "handlers"), null, List.of(), List.of(), Set.of(), false,
                Map.of(), 1);
    }

    /**
     * A charm of these handler classes and the files of a charm's source directory, e.g. {@code src/main/charm}:
     * {@code metadata.yaml} (required), {@code config.yaml} and {@code actions.yaml} (each optional, as for Juju).
     * Errors name the file with its path, line and column.
     *
     * @throws UncheckedIOException if {@code metadata.yaml} is missing or a file cannot be read
     * @throws IllegalArgumentException for a declaration Juju would reject
     */
    public static Charm fromDirectory(Path dir, Class<?>... handlerClasses) {
        return fromDirectory(dir, of(handlerClasses).handlers);
    }

    /** Like {@link #fromDirectory(Path, Class[])}, with these handlers, e.g. those discovery found. */
    public static Charm fromDirectory(Path dir, HandlerSet handlers) {
        Objects.requireNonNull(dir, "dir");
        Path metadata = dir.resolve("metadata.yaml");
        Path config = dir.resolve("config.yaml");
        Path actions = dir.resolve("actions.yaml");
        Charm described = of(handlers).metadataYaml(CharmFiles.text(metadata).orElseThrow(() ->
                new UncheckedIOException(new NoSuchFileException(metadata.toString(), null,
                        "every charm needs one; is " + dir + " the charm's source directory?"))), metadata.toString());
        Charm configured = CharmFiles.text(config).map(text -> described.configYaml(text, config.toString()))
                .orElse(described);
        return CharmFiles.text(actions).map(text -> configured.actionsYaml(text, actions.toString())).orElse(configured);
    }

    /**
     * The relations, their scope and {@code subordinate}, from the text of a {@code metadata.yaml}; replaces the
     * relations given so far. Everything else in the file is ignored, as the runtime ignores it.
     *
     * @throws IllegalArgumentException for invalid YAML, a relation without an interface, a bad scope, or a
     *     subordinate without a container-scoped {@code requires} relation
     */
    public Charm metadataYaml(String text) {
        return metadataYaml(text, "metadata.yaml");
    }

    private Charm metadataYaml(String text, String fileName) {
        return new Charm(handlers, MetadataYaml.name(text, fileName).orElse(null), options,
                MetadataYaml.relations(text, fileName),
                MetadataYaml.containerScoped(text, fileName), MetadataYaml.subordinate(text, fileName), actions,
                revision);
    }

    /** The relations of {@code metadata.yaml}, all of global scope; the charm is not a subordinate. */
    public Charm relations(RelationDeclaration... declarations) {
        return new Charm(handlers, name, options, List.of(declarations), Set.of(), false, actions, revision);
    }

    /** The option declarations, from the text of a {@code config.yaml}. */
    public Charm configYaml(String text) {
        return configYaml(text, "config.yaml");
    }

    private Charm configYaml(String text, String fileName) {
        return new Charm(handlers, name, ConfigYaml.parse(text, fileName), relations, containerScoped, subordinate,
                actions, revision);
    }

    /**
     * The action declarations, from the text of an {@code actions.yaml}. {@link Model#runAction} checks parameters
     * against them and applies their defaults, as Juju does before the action runs.
     *
     * @throws IllegalArgumentException for a declaration Juju would reject, naming the line
     */
    public Charm actionsYaml(String text) {
        return actionsYaml(text, "actions.yaml");
    }

    private Charm actionsYaml(String text, String fileName) {
        return new Charm(handlers, name, options, relations, containerScoped, subordinate,
                Collections.unmodifiableMap(ActionsYaml.parse(text, fileName)), revision);
    }

    /**
     * This charm with another revision (default 1). {@link Model#refresh} needs a revision other than the one the
     * application runs, as {@code juju refresh} does.
     *
     * @throws IllegalArgumentException if {@code revision} is below 0
     */
    public Charm revision(int revision) {
        if (revision < 0) {
            throw new IllegalArgumentException("a charm revision is 0 or more, not " + revision);
        }
        return new Charm(handlers, name, options, relations, containerScoped, subordinate, actions, revision);
    }

    /** The revision, 1 unless {@link #revision(int)} said otherwise. */
    public int revision() {
        return revision;
    }

    /**
     * The charm's {@code name} from its {@code metadata.yaml}, which Juju takes as the application's name by default;
     * empty when no {@code metadata.yaml} was read, or it gives no name.
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * A {@link Harness} for one unit of this charm: its handlers, the relations of its {@code metadata.yaml}, the
     * options of its {@code config.yaml} and the actions of its {@code actions.yaml}, run as unit
     * {@code <name>/0} of the application named as the charm ({@code local/0} when the charm has no {@link #name()}).
     * Declare the hook (or action) and the state before running it.
     */
    public Harness harness() {
        Harness harness = Harness.of(handlers).relations(relations.toArray(RelationDeclaration[]::new))
                .configOptions(options.toArray(ConfigOption[]::new))
                .actions(actions.values().toArray(ActionSpec[]::new));
        return name == null ? harness : harness.unitName(name + "/0");
    }

    /** The names of the actions its {@code actions.yaml} declares, sorted; empty when none. */
    public SortedSet<String> actionNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(actions.keySet()));
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

    Map<String, ActionSpec> actions() {
        return actions;
    }

    boolean subordinate() {
        return subordinate;
    }

    /** Whether the endpoint's relations are container-scoped. */
    boolean containerScoped(String endpoint) {
        return containerScoped.contains(endpoint);
    }

    /** The declared option of this name, or an error listing the declared ones. */
    ConfigOption option(String application, String name) {
        Objects.requireNonNull(name, "name");
        return options.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("application " + application + " has no config option '"
                        + name + "'; its config.yaml declares " + options.stream().map(ConfigOption::name).toList()));
    }
}
