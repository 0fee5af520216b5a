package dev.charms.reactive.samples.kvstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The charm {@code mvn package} built with the refresh layer (target/charm/kv-store), checked after reactive:build. */
class BuiltCharmIT {
    private static final Path CHARM = Path.of("target/charm/kv-store");

    @Test
    void theRefreshLayersFilesAreMergedIntoTheCharms() throws IOException {
        assertThat(Files.readString(CHARM.resolve("metadata.yaml")))
                .contains("peers:\n  refresh:\n    interface: refresh\n");
        assertThat(Files.readString(CHARM.resolve("config.yaml")))
                .contains("  pause-after-unit-refresh:\n    type: string\n    default: first\n", "  port:\n");
        assertThat(Files.readString(CHARM.resolve("actions.yaml")))
                .contains("pre-refresh-check:", "resume-refresh:", "force-refresh-start:", "create-backup:");
        assertThat(Files.readString(CHARM.resolve("layer.yaml"))).contains("- layer:basic\n  - layer:refresh\n");
    }

    @Test
    void libHoldsTheLayersJarAndTheCharmsJarListsItsWorkload() throws IOException {
        try (var jars = Files.list(CHARM.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("reactive-layer-refresh-"));
        }
        Path own;
        try (var jars = Files.list(CHARM.resolve("lib"))) {
            own = jars.filter(jar -> jar.getFileName().toString().startsWith("reactive-sample-kv-store-")).findFirst()
                    .orElseThrow();
        }
        try (JarFile jar = new JarFile(own.toFile())) {
            String listed = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/dev.charms.reactive.refresh.RefreshWorkload")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(listed).isEqualTo(KvStoreWorkload.class.getName() + "\n");
        }
    }
}
