package dev.charms.reactive.processor;

import static dev.charms.reactive.processor.Sources.compile;
import static dev.charms.reactive.processor.Sources.generatedSource;
import static dev.charms.reactive.processor.Sources.source;
import static dev.charms.reactive.processor.Sources.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated index source, compared as text: it must stay stable and read like hand-written code. */
class GeneratedSourceTest {

    static final JavaFileObject FLAGS = source("lib.Flags", """
            package lib;

            @dev.charms.reactive.Injectable
            public interface Flags {
            }
            """);
    static final JavaFileObject CONFIG = source("lib.Config", """
            package lib;

            @dev.charms.reactive.Injectable
            public interface Config {
            }
            """);
    static final JavaFileObject RELATIONS = source("lib.Relations", """
            package lib;

            @dev.charms.reactive.Injectable
            public interface Relations {
                @dev.charms.reactive.Injectable
                interface Unit {
                }
            }
            """);
    /** Clashes with the {@code java.util.List} the generated code uses. */
    static final JavaFileObject LIST = source("lib.List", """
            package lib;

            @dev.charms.reactive.Injectable
            public interface List<T> {
            }
            """);
    static final JavaFileObject HELLO = source("charm.HelloCharm", """
            package charm;

            import dev.charms.reactive.*;
            import lib.Config;
            import lib.Flags;
            import lib.Relations;

            public class HelloCharm {
                @WhenNot("hello.installed")
                void install(Flags flags) {
                }

                @When("hello.installed")
                @WhenNot("hello.started")
                @When("config.changed")
                @NotUnless("apt.ready")
                void configure(Config config, Flags flags, Relations relations, Relations.Unit unit)
                        throws java.io.IOException {
                }

                @Hook("{requires:pgsql}-relation-{joined,changed}")
                @OnlyOnce
                @WhenFileChanged(value = {"/etc/hello.conf", "templates/\\"quoted\\".tmpl"}, hash = "sha256")
                public void relation(lib.List<String> list) {
                }

                @Action("create-backup")
                void backup() {
                }

                @CollectMetrics
                void metrics() {
                }
            }
            """);

    @Test
    void aTypicalClass() {
        Compilation compilation = compile(HELLO, FLAGS, CONFIG, RELATIONS, LIST);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(warnings(compilation)).isEmpty();
        assertThat(generatedSource(compilation, "charm.HelloCharm_ReactiveHandlers")).isEqualTo("""
                package charm;

                import dev.charms.reactive.spi.HandlerDefinition;
                import dev.charms.reactive.spi.HandlerIndex;
                import java.util.List;
                import javax.annotation.processing.Generated;
                import lib.Config;
                import lib.Flags;
                import lib.Relations;

                /** The handlers of {@link HelloCharm}, generated from its annotations by the reactive processor. */
                @Generated("dev.charms.reactive.processor.ReactiveProcessor")
                public final class HelloCharm_ReactiveHandlers implements HandlerIndex {
                    @SuppressWarnings("unchecked")
                    private static final List<HandlerDefinition> HANDLERS = List.of(
                            HandlerDefinition.builder(HelloCharm.class, "install")
                                    .whenNone("hello.installed")
                                    .parameters(Flags.class)
                                    .invoker((target, args) -> ((HelloCharm) target).install((Flags) args[0]))
                                    .build(),
                            HandlerDefinition.builder(HelloCharm.class, "configure")
                                    .whenAll("hello.installed")
                                    .whenNone("hello.started")
                                    .whenAll("config.changed")
                                    .notUnless("apt.ready")
                                    .parameters(Config.class, Flags.class, Relations.class, Relations.Unit.class)
                                    .invoker((target, args) -> ((HelloCharm) target).configure(
                                            (Config) args[0],
                                            (Flags) args[1],
                                            (Relations) args[2],
                                            (Relations.Unit) args[3]))
                                    .build(),
                            HandlerDefinition.builder(HelloCharm.class, "relation")
                                    .hook("{requires:pgsql}-relation-{joined,changed}")
                                    .onlyOnce()
                                    .whenFileChanged("SHA-256", "/etc/hello.conf", "templates/\\"quoted\\".tmpl")
                                    .parameters(lib.List.class)
                                    .invoker((target, args) -> ((HelloCharm) target).relation((lib.List<String>) args[0]))
                                    .build(),
                            HandlerDefinition.builder(HelloCharm.class, "backup")
                                    .action("create-backup")
                                    .invoker((target, args) -> ((HelloCharm) target).backup())
                                    .build(),
                            HandlerDefinition.builder(HelloCharm.class, "metrics")
                                    .restrictedHook("collect-metrics")
                                    .invoker((target, args) -> ((HelloCharm) target).metrics())
                                    .build());

                    @Override
                    public Class<?> handlerClass() {
                        return HelloCharm.class;
                    }

                    @Override
                    public Object newInstance() {
                        return new HelloCharm();
                    }

                    @Override
                    public List<HandlerDefinition> handlers() {
                        return HANDLERS;
                    }
                }
                """);
    }

    @Test
    void aNestedClassIsNamedThroughItsOuterClass() {
        JavaFileObject charm = source("charm.Outer", """
                package charm;

                import dev.charms.reactive.When;

                class Outer {
                    static class Inner {
                        @When("a")
                        void run() {
                        }
                    }
                }
                """);

        Compilation compilation = compile(charm);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(generatedSource(compilation, "charm.Outer_Inner_ReactiveHandlers"))
                .contains("public final class Outer_Inner_ReactiveHandlers implements HandlerIndex {")
                .contains("HandlerDefinition.builder(Outer.Inner.class, \"run\")")
                .contains("return new Outer.Inner();");
    }

    @Test
    void aHandlerClassNamedLikeAJavaLangTypeIsWrittenInFull() {
        JavaFileObject charm = source("charm.Object", """
                package charm;

                import dev.charms.reactive.When;

                public class Object {
                    @When("a")
                    void run(lib.Flags flags) {
                    }
                }
                """);

        Compilation compilation = compile(charm, FLAGS);

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(generatedSource(compilation, "charm.Object_ReactiveHandlers"))
                .contains("public Object newInstance() {")
                .contains("return new charm.Object();")
                .contains(".invoker((target, args) -> ((charm.Object) target).run((Flags) args[0]))");
    }

    @Test
    void longFlagListsAreWrappedOnePerLine() {
        JavaFileObject charm = source("charm.Charm", """
                package charm;

                import dev.charms.reactive.When;

                class Charm {
                    @When({"a.rather.long.flag.name.one", "a.rather.long.flag.name.two", "a.rather.long.flag.name.three"})
                    void run() {
                    }
                }
                """);

        assertThat(generatedSource(compile(charm), "charm.Charm_ReactiveHandlers")).contains("""
                                    .whenAll(
                                            "a.rather.long.flag.name.one",
                                            "a.rather.long.flag.name.two",
                                            "a.rather.long.flag.name.three")
                """);
    }
}
