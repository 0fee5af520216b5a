package dev.charms.reactive.layers.proof;

import dev.charms.reactive.layers.yaml.YamlDocuments;
import dev.charms.reactive.layers.yaml.YamlFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a charm directory the way Juju reads it: {@code metadata.yaml} (required fields, names, endpoints,
 * reserved names, subordinates), {@code config.yaml} (option types and defaults), {@code actions.yaml} (names
 * and parameter schemas), {@code manifest.yaml} (bases), and the layout ({@code dispatch}, hooks, symbolic
 * links that escape the charm). A file that cannot be parsed is one error with its line and column, and its
 * other rules are skipped.
 */
public final class Proof {

    private Proof() {
    }

    /** Proofs the charm in {@code charmDir}. Never throws for problems in the charm; they are findings. */
    public static ProofReport check(Path charmDir) {
        Findings findings = new Findings();
        Optional<Map<String, Object>> metadata = load(charmDir, "metadata.yaml", findings);
        if (metadata.isEmpty() && !Files.exists(charmDir.resolve("metadata.yaml"))) {
            findings.error("metadata.yaml", "", "missing: Juju cannot read a charm without metadata.yaml");
        }
        metadata.ifPresent(m -> MetadataRules.check(m, findings));
        load(charmDir, "config.yaml", findings).ifPresent(c -> ConfigRules.check(c, findings));
        load(charmDir, "actions.yaml", findings).ifPresent(a -> ActionsRules.check(a, findings));
        Optional<Map<String, Object>> manifest = load(charmDir, "manifest.yaml", findings);
        boolean hasSeries = metadata.map(m -> m.containsKey("series")).orElse(false);
        if (manifest.isPresent()) {
            ManifestRules.check(manifest.get(), findings);
        } else if (!hasSeries && !Files.exists(charmDir.resolve("manifest.yaml"))) {
            findings.error("manifest.yaml", "", "missing: the charm declares no bases, so Juju cannot tell which"
                    + " systems it runs on; add manifest.yaml with bases");
        }
        LayoutRules.check(charmDir, findings);
        return findings.report();
    }

    private static Optional<Map<String, Object>> load(Path dir, String file, Findings findings) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YamlDocuments.readMap(Files.readString(path), file));
        } catch (YamlFileException e) {
            findings.error(file, "", e.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }
}
