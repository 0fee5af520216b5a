package dev.charms.reactive.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.charms.reactive.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.charms.reactive.OnlyOnce;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** The processor as javac sees it: registration, supported annotations and versions, crash handling. */
class ProcessorTest {

    @Test
    void isRegisteredForJavac() {
        assertThat(ServiceLoader.load(Processor.class, getClass().getClassLoader()).stream())
                .anyMatch(provider -> provider.type() == ReactiveProcessor.class);
    }

    @Test
    void supportsEveryHandlerAnnotationAndRepeatableContainer() {
        assertThat(new ReactiveProcessor().getSupportedAnnotationTypes()).containsExactlyInAnyOrder(
                "dev.charms.reactive.Action",
                "dev.charms.reactive.CollectMetrics",
                "dev.charms.reactive.Hook",
                "dev.charms.reactive.Hook.List",
                "dev.charms.reactive.MeterStatusChanged",
                "dev.charms.reactive.NotUnless",
                "dev.charms.reactive.OnlyOnce",
                "dev.charms.reactive.When",
                "dev.charms.reactive.When.List",
                "dev.charms.reactive.WhenAll",
                "dev.charms.reactive.WhenAll.List",
                "dev.charms.reactive.WhenAny",
                "dev.charms.reactive.WhenAny.List",
                "dev.charms.reactive.WhenFileChanged",
                "dev.charms.reactive.WhenFileChanged.List",
                "dev.charms.reactive.WhenNone",
                "dev.charms.reactive.WhenNone.List",
                "dev.charms.reactive.WhenNot",
                "dev.charms.reactive.WhenNot.List",
                "dev.charms.reactive.WhenNotAll",
                "dev.charms.reactive.WhenNotAll.List");
    }

    @Test
    void supportsTheLatestSourceVersion() {
        assertThat(new ReactiveProcessor().getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void aCrashInsideTheProcessorBecomesACompilerError() {
        AnnotationStep crashing = new AnnotationStep(AnnotationStep.Family.ONLY_ONCE, OnlyOnce.class) {
            @Override
            void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
                throw new IllegalStateException("boom");
            }
        };
        Compilation compilation = javac()
                .withProcessors(new ReactiveProcessor(List.of(crashing), SourceTrees::of))
                .compile(source("test.Charm", """
                        package test;

                        class Charm {
                            @dev.charms.reactive.OnlyOnce
                            void once() {
                            }
                        }
                        """));

        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        assertThat(compilation.errors()).singleElement().satisfies(error -> assertThat(error.getMessage(null))
                .startsWith("the reactive handler processor failed; please report this with the stack trace:")
                .contains("java.lang.IllegalStateException: boom"));
    }
}
