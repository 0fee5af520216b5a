package dev.charms.reactive.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The charm {@code mvn package} built: target/charm/hello.charm. Runs in the integration-test phase (see pom.xml),
 * after reactive:build.
 */
class BuiltCharmIT {
    private static final Path CHARM = Path.of("target/charm/hello.charm");

    private static List<String> entries() throws IOException {
        try (ZipFile zip = new ZipFile(CHARM.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    /** The charm's own jar in lib/. */
    private static String ownJar() throws IOException {
        List<String> own = entries().stream().filter(e -> e.startsWith("lib/reactive-sample-hello-")).toList();
        assertThat(own).hasSize(1);
        return own.get(0);
    }

    private static String text(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(CHARM.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void holdsTheMergedYamlTheDispatchScriptAndTheHookLinks() throws IOException {
        assertThat(entries()).contains("metadata.yaml", "config.yaml", "manifest.yaml", "layer.yaml", "dispatch",
                "hooks/install", "hooks/start", "hooks/upgrade-charm");
        assertThat(text("metadata.yaml")).startsWith("name: hello\n");
        assertThat(text("config.yaml")).contains("greeting:", "port:");
        assertThat(text("layer.yaml")).contains("layer:basic", "java-version: 17");
        assertThat(text("dispatch")).startsWith("#!/bin/sh\n").contains("dev.charms.reactive.Main");
        assertThat(Files.isExecutable(Path.of("target/charm/hello/dispatch"))).isTrue();
    }

    @Test
    void libHoldsTheRuntimeJarsInClasspathOrderWithTheCharmsOwnJarLastAndNoProcessor() throws IOException {
        List<String> jars = entries().stream().filter(e -> e.startsWith("lib/")).toList();

        assertThat(jars).anyMatch(jar -> jar.startsWith("lib/reactive-core-"))
                .anyMatch(jar -> jar.startsWith("lib/gson-"))
                .noneMatch(jar -> jar.contains("processor") || jar.contains("junit"));
        String classpath = text("dispatch").replaceAll("(?s).*\nclasspath=\"([^\"]*)\".*", "$1");
        List<String> entries = List.of(classpath.split(":"));
        assertThat(entries).hasSameSizeAs(jars).last().isEqualTo(ownJar());
    }

    @Test
    void theCharmsJarCarriesTheGeneratedHandlerIndex() throws IOException {
        try (ZipFile zip = new ZipFile(CHARM.toFile());
                InputStream jar = zip.getInputStream(zip.getEntry(ownJar()));
                ZipInputStream classes = new ZipInputStream(jar)) {
            List<String> names = new ArrayList<>();
            String services = null;
            for (ZipEntry entry = classes.getNextEntry(); entry != null; entry = classes.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("META-INF/services/dev.charms.reactive.spi.HandlerIndex")) {
                    services = new String(classes.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(names).contains("dev/charms/reactive/samples/hello/HelloCharm.class",
                    "dev/charms/reactive/samples/hello/HelloCharm_ReactiveHandlers.class",
                    "META-INF/reactive/handlers.json");
            assertThat(services).isEqualTo("dev.charms.reactive.samples.hello.HelloCharm_ReactiveHandlers\n");
        }
    }
}
