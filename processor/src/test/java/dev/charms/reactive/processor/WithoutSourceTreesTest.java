package dev.charms.reactive.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.charms.reactive.processor.Sources.Error.at;
import static dev.charms.reactive.processor.Sources.errors;
import static dev.charms.reactive.processor.Sources.generatedSource;
import static dev.charms.reactive.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A compiler that does not expose its trees (not javac, or javac behind a wrapper): the standard API alone
 * decides the order of repeated annotations and where their errors point.
 */
class WithoutSourceTreesTest {

    private static Compilation compileWithoutTrees(JavaFileObject source) {
        return javac()
                .withProcessors(new ReactiveProcessor(ReactiveProcessor.standardSteps(), env -> method -> List.of()))
                .compile(source);
    }

    @Test
    void repeatedAnnotationsComeGroupedWhereTheFirstOfThemStands() {
        JavaFileObject charm = source("test.Charm", """
                package test;

                import dev.charms.reactive.*;

                class Charm {
                    @When("a")
                    @WhenNot("b")
                    @When("c")
                    void run() {
                    }
                }
                """);

        assertThat(generatedSource(compileWithoutTrees(charm), "test.Charm_ReactiveHandlers")).contains("""
                                    .whenAll("a")
                                    .whenAll("c")
                                    .whenNone("b")
                """);
    }

    @Test
    void errorsInsideRepeatedAnnotationsPointAtTheMethod() {
        JavaFileObject charm = source("test.Charm", """
                package test;

                import dev.charms.reactive.*;

                class Charm {
                    @When("a")
                    @When("bad flag")
                    @WhenNot("worse flag")
                    void run() {
                    }
                }
                """);

        assertThat(errors(compileWithoutTrees(charm))).containsExactly(
                at(charm, "run", String.format(Messages.FLAG_MALFORMED, "bad flag", "When", Messages.HAS_WHITESPACE)),
                at(charm, "\"worse flag\"",
                        String.format(Messages.FLAG_MALFORMED, "worse flag", "WhenNot", Messages.HAS_WHITESPACE)));
    }
}
