package dev.charms.reactive.layers.flow;

import dev.charms.reactive.layers.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Charms for the flag-flow tests: handler classes compiled in-test with the real annotation processor (so the jar
 * carries META-INF/reactive/handlers.json, as a charm built with Maven does), laid out as a built charm directory.
 */
public final class TestCharms {

    private TestCharms() {
    }

    /**
     * Compiles {@code sources} (binary class name to source) with the reactive processor into {@code jar}.
     *
     * @throws AssertionError with the compiler's output when compilation fails
     */
    public static Path jar(Path jar, Map<String, String> sources) {
        return jar(jar, sources, Map.of());
    }

    /**
     * Compiles {@code sources} like {@link #jar} into {@code jar}, a layer jar: it also holds
     * {@code reactive-layer/layer.yaml} naming the layer {@code layer}.
     */
    public static Path layerJar(Path jar, String layer, Map<String, String> sources) {
        return jar(jar, sources, Map.of("reactive-layer/layer.yaml", "name: " + layer + "\n"));
    }

    private static Path jar(Path jar, Map<String, String> sources, Map<String, String> resources) {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(jar.toAbsolutePath().getParent()),
                    "compile-");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src/" + source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter output = new StringWriter();
            try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, null)) {
                boolean compiled = compiler.getTask(output, manager, null, List.of("--release", "17",
                        "-processor", "dev.charms.reactive.processor.ReactiveProcessor",
                        "-cp", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                        manager.getJavaFileObjectsFromPaths(files)).call();
                if (!compiled) {
                    throw new AssertionError("cannot compile " + sources.keySet() + ":\n" + output);
                }
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                Path file = classes.resolve(resource.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, resource.getValue());
            }
            return Fixtures.jarOf(jar, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built charm directory {@code dir}: {@code metadata.yaml}, {@code config.yaml} when not null, and
     * {@code lib/charm.jar} compiled from {@code sources}.
     */
    public static Path charm(Path dir, String metadata, String config, Map<String, String> sources) {
        try {
            Files.createDirectories(dir.resolve("lib"));
            Files.writeString(dir.resolve("metadata.yaml"), metadata);
            if (config != null) {
                Files.writeString(dir.resolve("config.yaml"), config);
            }
            jar(dir.resolve("lib/charm.jar"), sources);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyses the charm at {@code path} (a directory, .charm or jar). */
    public static FlagFlow analyze(Path path) {
        try (CharmInput input = CharmInput.open(path, List.of(), null)) {
            return FlowAnalysis.analyze(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
