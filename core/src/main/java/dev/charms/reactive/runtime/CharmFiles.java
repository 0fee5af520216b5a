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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime reads from the charm's directory for every hook: the relations of {@code metadata.yaml},
 * the options of {@code config.yaml} and the actions of {@code actions.yaml}. {@code metadata.yaml} must exist;
 * the other two are optional, as for Juju. The bootstrap records them in a digest ({@link #digest}) that hooks
 * read instead of the YAML while the files are unchanged.
 *
 * @param relations the relations, provides then requires then peers
 * @param configOptions the options, in file order
 * @param actions the actions by name, in file order
 */
public record CharmFiles(List<RelationDeclaration> relations, List<ConfigOption> configOptions,
        Map<String, ActionSpec> actions) {
    /** The endpoint every charm provides without declaring it. */
    public static final String JUJU_INFO = "juju-info";
    private static final String METADATA = "metadata.yaml";
    private static final String CONFIG = "config.yaml";
    private static final String ACTIONS = "actions.yaml";

    public CharmFiles {
        relations = List.copyOf(relations);
        configOptions = List.copyOf(configOptions);
        actions = Map.copyOf(actions);
    }

    /**
     * Reads the files of the charm in {@code charmDir}: from the digest that {@link #digest} wrote when it still
     * matches every file, else from the YAML.
     *
     * @throws IllegalArgumentException naming the file, line and column of a bad declaration
     * @throws UncheckedIOException naming the file that is missing ({@code metadata.yaml}) or unreadable
     */
    public static CharmFiles read(Path charmDir) {
        Objects.requireNonNull(charmDir, "charmDir");
        Map<String, Optional<String>> texts = texts(charmDir);
        return CharmFilesDigest.read(digestOf(charmDir), texts).orElseGet(() -> parse(charmDir, texts));
    }

    /**
     * Reads the files of the charm in {@code charmDir} from the YAML and records what they declare in
     * {@code .reactive/charm-files.json} (the directory must exist), so that later hooks need no YAML parser;
     * see {@link CharmFilesDigest}. The bootstrap calls this through {@code Main --train}.
     *
     * @return what the files declare
     * @throws IllegalArgumentException naming the file, line and column of a bad declaration
     * @throws UncheckedIOException naming the file that is missing or unreadable, or the digest that cannot be
     *     written
     */
    public static CharmFiles digest(Path charmDir) {
        Map<String, Optional<String>> texts = texts(charmDir);
        CharmFiles files = parse(charmDir, texts);
        Path digest = digestOf(charmDir);
        try {
            CharmFilesDigest.write(digest, texts, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + digest + ": " + e, e);
        }
        return files;
    }

    private static Path digestOf(Path charmDir) {
        return CharmRuntime.stateDirectory(charmDir).resolve("charm-files.json");
    }

    private static Map<String, Optional<String>> texts(Path charmDir) {
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String name : List.of(METADATA, CONFIG, ACTIONS)) {
            texts.put(name, text(charmDir.resolve(name)));
        }
        return texts;
    }

    private static CharmFiles parse(Path charmDir, Map<String, Optional<String>> texts) {
        String metadata = texts.get(METADATA).orElseThrow(() -> new UncheckedIOException(
                new NoSuchFileException(charmDir.resolve(METADATA).toString(), null,
                        "every charm needs one; is JUJU_CHARM_DIR the charm's directory?")));
        return new CharmFiles(MetadataYaml.relations(metadata, METADATA),
                texts.get(CONFIG).map(t -> ConfigYaml.parse(t, CONFIG)).orElse(List.of()),
                texts.get(ACTIONS).map(t -> ActionsYaml.parse(t, ACTIONS)).orElse(Map.of()));
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
