package dev.charms.reactive.runtime;

import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.dispatch.RelationDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime reads from the charm's directory for every hook: the relations of {@code metadata.yaml},
 * the options of {@code config.yaml} and the actions of {@code actions.yaml}. {@code metadata.yaml} must exist;
 * the other two are optional, as for Juju.
 *
 * @param relations the relations, provides then requires then peers
 * @param configOptions the options, in file order
 * @param actions the actions by name, in file order
 */
public record CharmFiles(List<RelationDeclaration> relations, List<ConfigOption> configOptions,
        Map<String, ActionSpec> actions) {
    /** The endpoint every charm provides without declaring it. */
    public static final String JUJU_INFO = "juju-info";

    public CharmFiles {
        relations = List.copyOf(relations);
        configOptions = List.copyOf(configOptions);
        actions = Map.copyOf(actions);
    }

    /**
     * Reads the files of the charm in {@code charmDir}.
     *
     * @throws IllegalArgumentException naming the file, line and column of a bad declaration
     * @throws UncheckedIOException naming the file that is missing ({@code metadata.yaml}) or unreadable
     */
    public static CharmFiles read(Path charmDir) {
        Objects.requireNonNull(charmDir, "charmDir");
        String metadata = text(charmDir.resolve("metadata.yaml")).orElseThrow(() -> new UncheckedIOException(
                new NoSuchFileException(charmDir.resolve("metadata.yaml").toString(), null,
                        "every charm needs one; is JUJU_CHARM_DIR the charm's directory?")));
        return new CharmFiles(MetadataYaml.relations(metadata, "metadata.yaml"),
                text(charmDir.resolve("config.yaml")).map(t -> ConfigYaml.parse(t, "config.yaml")).orElse(List.of()),
                text(charmDir.resolve("actions.yaml")).map(t -> ActionsYaml.parse(t, "actions.yaml")).orElse(Map.of()));
    }

    /**
     * The endpoint names of every relation, then {@code juju-info} when not declared: every charm provides it
     * implicitly, and a subordinate attached through it runs {@code juju-info-relation-*} hooks on the principal.
     */
    public List<String> endpoints() {
        List<String> endpoints = new ArrayList<>(relations.stream().map(RelationDeclaration::name).toList());
        if (!endpoints.contains(JUJU_INFO)) {
            endpoints.add(JUJU_INFO);
        }
        return endpoints;
    }

    /**
     * The text of one of the charm's files, or empty when it does not exist (the optional files).
     *
     * @throws UncheckedIOException naming the file when it exists but cannot be read
     */
    public static Optional<String> text(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }
}
