package dev.charms.reactive.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small charm compiled with the processor into a directory, loaded in its own class loader: the runtime's
 * {@link ServiceLoader} finds the generated indexes, and each invoker calls its handler with the arguments
 * it is given.
 */
class EndToEndTest {
    private static final Map<String, String> CHARM = Map.of(
            "e2e/Charm.java", """
                    package e2e;

                    import dev.charms.reactive.*;
                    import java.util.ArrayList;
                    import java.util.List;

                    public class Charm {
                        public static final List<String> CALLS = new ArrayList<>();

                        @When("app.installed")
                        @WhenNot("app.started")
                        void start(Recorder recorder, Settings settings) {
                            CALLS.add("start " + recorder.name() + " " + settings.value());
                        }

                        @Action("fail")
                        void fail() throws java.io.IOException {
                            throw new java.io.IOException("disk full");
                        }

                        static class Nested {
                            @Hook("install")
                            @OnlyOnce
                            protected void install() {
                                CALLS.add("install");
                            }
                        }
                    }
                    """,
            "e2e/Recorder.java", """
                    package e2e;

                    @dev.charms.reactive.Injectable
                    public class Recorder {
                        private final String name;

                        public Recorder(String name) {
                            this.name = name;
                        }

                        String name() {
                            return name;
                        }
                    }
                    """,
            "e2e/Settings.java", """
                    package e2e;

                    public record Settings(String value) implements Configured {
                    }

                    @dev.charms.reactive.Injectable
                    interface Configured {
                    }
                    """);

    @TempDir
    Path dir;
    private URLClassLoader loader;
    private Map<String, HandlerIndex> indexes;

    @BeforeEach
    void compileAndLoad() throws IOException {
        Path sources = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (var entry : CHARM.entrySet()) {
            Path file = sources.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, entry.getValue()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-s", classes.toString()), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new ReactiveProcessor()));
            assertThat(task.call()).as("compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        indexes = ServiceLoader.load(HandlerIndex.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(index -> index.handlerClass().getName(), Function.identity()));
    }

    @AfterEach
    void closeLoader() throws IOException {
        loader.close();
    }

    @Test
    void serviceLoaderFindsOneIndexPerHandlerClass() {
        assertThat(indexes).containsOnlyKeys("e2e.Charm", "e2e.Charm$Nested");
        assertThat(indexes.get("e2e.Charm").getClass().getName()).isEqualTo("e2e.Charm_ReactiveHandlers");
        assertThat(indexes.get("e2e.Charm$Nested").getClass().getName()).isEqualTo("e2e.Charm_Nested_ReactiveHandlers");
    }

    @Test
    void definitionsCarryTheAnnotationsInSourceOrder() throws ClassNotFoundException {
        List<HandlerDefinition> handlers = indexes.get("e2e.Charm").handlers();

        assertThat(handlers).extracting(HandlerDefinition::id).containsExactly("e2e.Charm.start", "e2e.Charm.fail");
        HandlerDefinition start = handlers.get(0);
        assertThat(start.displayName()).isEqualTo("Charm.start");
        assertThat(start.conditions()).containsExactly(
                new Condition(Condition.Kind.WHEN_ALL, List.of("app.installed"), ""),
                new Condition(Condition.Kind.WHEN_NONE, List.of("app.started"), ""));
        assertThat(start.parameterTypes())
                .containsExactly(loader.loadClass("e2e.Recorder"), loader.loadClass("e2e.Settings"));
        assertThat(start.action()).isEmpty();
        assertThat(handlers.get(1).action()).contains("fail");
        assertThat(handlers.get(1).conditions()).isEmpty();
        assertThat(indexes.get("e2e.Charm$Nested").handlers()).singleElement().satisfies(install -> {
            assertThat(install.id()).isEqualTo("e2e.Charm$Nested.install");
            assertThat(install.conditions()).containsExactly(
                    new Condition(Condition.Kind.HOOK, List.of("install"), ""),
                    new Condition(Condition.Kind.ONLY_ONCE, List.of(), ""));
        });
    }

    @Test
    void invokersCallTheHandlerWithTheArgumentsGiven() throws Exception {
        HandlerIndex charm = indexes.get("e2e.Charm");
        Object target = charm.newInstance();
        Object recorder = loader.loadClass("e2e.Recorder").getConstructor(String.class).newInstance("rec");
        Object settings = loader.loadClass("e2e.Settings").getConstructor(String.class).newInstance("v1");

        charm.handlers().get(0).invoker().invoke(target, new Object[] {recorder, settings});
        HandlerIndex nested = indexes.get("e2e.Charm$Nested");
        nested.handlers().get(0).invoker().invoke(nested.newInstance(), new Object[0]);

        assertThat(target).isInstanceOf(charm.handlerClass());
        assertThat(calls()).containsExactly("start rec v1", "install");
    }

    @Test
    void checkedExceptionsOfAHandlerPassThroughTheInvoker() {
        HandlerIndex charm = indexes.get("e2e.Charm");
        Object target = charm.newInstance();

        assertThatThrownBy(() -> charm.handlers().get(1).invoker().invoke(target, new Object[0]))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
    }

    @SuppressWarnings("unchecked")
    private List<String> calls() throws ReflectiveOperationException {
        return (List<String>) loader.loadClass("e2e.Charm").getField("CALLS").get(null);
    }
}
