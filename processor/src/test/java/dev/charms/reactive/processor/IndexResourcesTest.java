package dev.charms.reactive.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.charms.reactive.processor.Sources.compile;
import static dev.charms.reactive.processor.Sources.generatedResource;
import static dev.charms.reactive.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The service file and the aggregate index {@code META-INF/reactive/handlers.json}. */
class IndexResourcesTest {

    static final JavaFileObject ZETA = source("app.Zeta", """
            package app;

            import dev.charms.reactive.*;

            public class Zeta {
                @When("zeta.ready")
                void last() {
                }

                @Action("create-backup")
                @NotUnless({"zeta.ready", "db.joined"})
                void backup(test.Flags flags) {
                }

                static class Inner {
                    @WhenFileChanged(value = {"/etc/caf\\u00e9.conf", "a\\\\b"}, hash = "sha1")
                    @WhenAny({"x", "y"})
                    void first() {
                    }
                }
            }
            """);
    static final JavaFileObject ALPHA = source("app.Alpha", """
            package app;

            import dev.charms.reactive.*;

            class Alpha {
                @Hook("install")
                void install() {
                }
            }
            """);

    @Test
    void theServiceFileListsEveryGeneratedIndexSorted() {
        Compilation compilation = compile(ZETA, ALPHA, Sources.FLAGS);

        assertThat(generatedResource(compilation, IndexResources.SERVICES)).isEqualTo("""
                app.Alpha_ReactiveHandlers
                app.Zeta_Inner_ReactiveHandlers
                app.Zeta_ReactiveHandlers
                """);
    }

    @Test
    void theAggregateIndexListsHandlersByClassThenDeclarationOrder() {
        Compilation compilation = compile(ZETA, ALPHA, Sources.FLAGS);

        assertThat(generatedResource(compilation, IndexResources.AGGREGATE_INDEX)).isEqualTo("""
                {
                  "format": 1,
                  "handlers": [
                    {
                      "id": "app.Alpha.install",
                      "class": "app.Alpha",
                      "method": "install",
                      "conditions": [
                        {"kind": "HOOK", "values": ["install"], "hash": ""}
                      ],
                      "notUnless": [],
                      "action": null,
                      "parameters": []
                    },
                    {
                      "id": "app.Zeta.last",
                      "class": "app.Zeta",
                      "method": "last",
                      "conditions": [
                        {"kind": "WHEN_ALL", "values": ["zeta.ready"], "hash": ""}
                      ],
                      "notUnless": [],
                      "action": null,
                      "parameters": []
                    },
                    {
                      "id": "app.Zeta.backup",
                      "class": "app.Zeta",
                      "method": "backup",
                      "conditions": [],
                      "notUnless": ["zeta.ready", "db.joined"],
                      "action": "create-backup",
                      "parameters": ["test.Flags"]
                    },
                    {
                      "id": "app.Zeta$Inner.first",
                      "class": "app.Zeta$Inner",
                      "method": "first",
                      "conditions": [
                        {"kind": "FILE_CHANGED", "values": ["/etc/caf\\u00e9.conf", "a\\\\b"], "hash": "SHA-1"},
                        {"kind": "WHEN_ANY", "values": ["x", "y"], "hash": ""}
                      ],
                      "notUnless": [],
                      "action": null,
                      "parameters": []
                    }
                  ]
                }
                """);
    }

    @Test
    void nothingIsWrittenWithoutHandlers() {
        Compilation compilation = compile(source("app.Plain", "package app; class Plain { }"));

        assertThat(compilation.generatedFiles())
                .noneMatch(file -> file.getName().contains("META-INF"));
    }

    @Test
    void classesFromLaterRoundsAndDeferredClassesAreIndexedOnce() {
        Compilation compilation = javac()
                .withProcessors(new TwoRoundGenerator(), new ReactiveProcessor())
                .compile(ALPHA);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(compilation.generatedSourceFile("gen.Made_ReactiveHandlers")).isPresent();
        assertThat(generatedResource(compilation, IndexResources.SERVICES)).isEqualTo("""
                app.Alpha_ReactiveHandlers
                gen.Made_ReactiveHandlers
                """);
        assertThat(generatedResource(compilation, IndexResources.AGGREGATE_INDEX))
                .contains("\"id\": \"app.Alpha.install\"")
                .contains("\"parameters\": [\"gen.MadeLater\"]");
    }

    /**
     * Another processor: in its first round it writes a handler class whose parameter type does not exist yet,
     * and writes that type in its second round, so the reactive processor must wait for it.
     */
    static final class TwoRoundGenerator extends AbstractProcessor {
        private int round;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
            round++;
            if (round == 1) {
                write("gen.Made", """
                        package gen;

                        class Made {
                            @dev.charms.reactive.When("made")
                            void run(MadeLater later) {
                            }
                        }
                        """);
            } else if (round == 2) {
                write("gen.MadeLater", """
                        package gen;

                        @dev.charms.reactive.Injectable
                        interface MadeLater {
                        }
                        """);
            }
            return false;
        }

        private void write(String name, String text) {
            try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
