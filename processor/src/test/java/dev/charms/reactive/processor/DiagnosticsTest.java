package dev.charms.reactive.processor;

import static dev.charms.reactive.processor.Sources.Error.at;
import static dev.charms.reactive.processor.Sources.compile;
import static dev.charms.reactive.processor.Sources.errors;
import static dev.charms.reactive.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every compile error of the processor: its exact text, where it points (line and column of the element,
 * annotation or value at fault), and that all errors of a compilation are reported. javac points at a
 * method's or parameter's name, and at the keyword (class, enum, interface) of a type declaration.
 */
class DiagnosticsTest {

    private static List<Sources.Error> errorsOf(JavaFileObject... sources) {
        Compilation compilation = compile(sources);
        assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
        return errors(compilation);
    }

    @Nested
    class Conditions {

        @Test
        void aHandlerWithOnlyNotUnlessHasNoCondition() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.NotUnless;

                    class Charm {
                        @NotUnless("app.installed")
                        void configure() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(at(charm, "configure",
                    "handler Charm.configure has no condition, so it would run in every iteration of every hook"
                            + " (@NotUnless only logs a warning; it is not a condition): add @When, @WhenNot, @Hook,"
                            + " @Action or another condition"));
        }

        @Test
        void emptyFlagListsAreErrorsOnTheAnnotation() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When({}) @WhenNone({})
                        void always() {
                        }

                        @WhenAny({}) @WhenNotAll({})
                        void never() {
                        }

                        @When("a") @NotUnless({})
                        void noExpectation() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "@When({})", "@When names no flag, so it always holds and adds nothing (alone, it would"
                            + " run the handler in every iteration of every hook): name at least one flag"),
                    at(charm, "@WhenNone({})", String.format(Messages.FLAG_LIST_ALWAYS, "WhenNone")),
                    at(charm, "@WhenAny({})", "@WhenAny names no flag, so it never holds and the handler could never"
                            + " run: name at least one flag"),
                    at(charm, "@WhenNotAll({})", String.format(Messages.FLAG_LIST_NEVER, "WhenNotAll")),
                    at(charm, "@NotUnless({})", Messages.NOT_UNLESS_EMPTY));
        }

        @Test
        void hookWithAFlagConditionIsUnreachable() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @Hook("install")
                        @OnlyOnce
                        @WhenNot("app.installed")
                        @When("apt.ready")
                        void install() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(at(charm, "@WhenNot",
                    "@Hook cannot be combined with @WhenNot on handler Charm.install: @Hook holds only in the hooks"
                            + " phase and flag conditions only in the flag loop, so the handler could never run. Split"
                            + " it in two, or set a flag in the @Hook handler and wait for that flag"));
        }

        @Test
        void actionTakesNoOtherCondition() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @Action("backup") @NotUnless("app.ready")
                        void backup() {
                        }

                        @Action("pause") @OnlyOnce
                        void pause() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(at(charm, "@OnlyOnce",
                    "@Action cannot be combined with @OnlyOnce on handler Charm.pause: an action handler runs"
                            + " whenever its action is invoked. Check the state inside the handler instead"));
        }

        @Test
        void restrictedHooksTakeNoFlagOrHookCondition() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @CollectMetrics @When("app.ready")
                        void metrics() {
                        }

                        @MeterStatusChanged @Hook("update-status")
                        void meter() {
                        }

                        @CollectMetrics @MeterStatusChanged
                        void both() {
                        }

                        @CollectMetrics @OnlyOnce @WhenFileChanged("/etc/app.conf")
                        void allowed() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "@When(", "@CollectMetrics cannot be combined with @When on handler Charm.metrics:"
                            + " the collect-metrics hook runs in restricted mode, with no other hook and no flag loop,"
                            + " so the handler could never run"),
                    at(charm, "@Hook", String.format(Messages.RESTRICTED_WITH_CONDITION,
                            "MeterStatusChanged", "Hook", "Charm.meter", "meter-status-changed")),
                    at(charm, "@MeterStatusChanged\n", String.format(Messages.RESTRICTED_WITH_CONDITION,
                            "CollectMetrics", "MeterStatusChanged", "Charm.both", "collect-metrics")));
        }
    }

    @Nested
    class Flags {

        @Test
        void eachMalformedFlagIsReportedAtItsValue() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When({"ok", "", "two words", ".lead", "trail.", "a..b", "a{b", "a}b", "{{x}}", "{unit}.ready"})
                        void configure() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "\"\"", "empty flag name in @When: a flag name is dot-separated words, such as"
                            + " \"app.installed\""),
                    at(charm, "\"two words\"", "malformed flag name \"two words\" in @When: it contains whitespace or"
                            + " a control character"),
                    at(charm, "\".lead\"", "malformed flag name \".lead\" in @When: it starts with a dot"),
                    at(charm, "\"trail.\"", "malformed flag name \"trail.\" in @When: it ends with a dot"),
                    at(charm, "\"a..b\"", "malformed flag name \"a..b\" in @When: it contains \"..\""),
                    at(charm, "\"a{b\"", "malformed flag name \"a{b\" in @When: its braces { } are unbalanced"),
                    at(charm, "\"a}b\"", "malformed flag name \"a}b\" in @When: its braces { } are unbalanced"),
                    at(charm, "\"{{x}}\"", "malformed flag name \"{{x}}\" in @When: it nests braces { { } }"),
                    at(charm, "\"{unit}.ready\"", "malformed flag name \"{unit}.ready\" in @When: unknown"
                            + " placeholder {unit}: the only placeholder is {endpoint_name}"));
        }

        @Test
        void flagsInsideRepeatedAnnotationsArePointedAtInTheSource() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When("app.installed")
                        @WhenNot("app.started")
                        @When({"config.changed", "bad flag"})
                        @When({})
                        void configure() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "\"bad flag\"", String.format(Messages.FLAG_MALFORMED, "bad flag", "When",
                            Messages.HAS_WHITESPACE)),
                    at(charm, "@When({})", String.format(Messages.FLAG_LIST_ALWAYS, "When")));
        }

        @Test
        void notUnlessFlagsAreCheckedLikeConditionFlags() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When("a") @NotUnless({"b", "c."})
                        void configure() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(at(charm, "\"c.\"",
                    String.format(Messages.FLAG_MALFORMED, "c.", "NotUnless", Messages.TRAILING_DOT)));
        }

        @Test
        void endpointNameOnlyInAnEndpointClass() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When("endpoint.{endpoint_name}.joined")
                        void joined() {
                        }
                    }
                    """);
            JavaFileObject endpoint = source("test.PgsqlRequires", """
                    package test;

                    import dev.charms.reactive.*;

                    public class PgsqlRequires extends Base {
                        @When("endpoint.{endpoint_name}.joined")
                        void joined() {
                        }
                    }

                    abstract class Base extends dev.charms.reactive.endpoints.Endpoint {
                    }
                    """);

            assertThat(errorsOf(charm, endpoint, Sources.ENDPOINT)).containsExactly(at(charm, "\"endpoint.",
                    "flag \"endpoint.{endpoint_name}.joined\" in @When uses {endpoint_name}, which only an endpoint"
                            + " class can fill, and test.Charm does not extend dev.charms.reactive.endpoints.Endpoint:"
                            + " write the relation name into the flag, or move the handler into an Endpoint"
                            + " subclass"));
        }
    }

    @Nested
    class Hooks {

        @Test
        void eachMalformedPatternIsReportedAtItsValue() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @Hook({"install", "{requires:pgsql}-relation-{joined,changed}", " ", "config changed",
                                "{a,b", "{a,}-x", "{}", "{peer:pgsql}", "{requires:}", "{{a}}"})
                        void hooks() {
                        }

                        @Hook({})
                        void none() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "\" \"", "empty hook pattern in @Hook: name a hook, such as \"install\""),
                    at(charm, "\"config changed\"", "malformed hook pattern \"config changed\" in @Hook: it contains"
                            + " whitespace or a control character"),
                    at(charm, "\"{a,b\"", String.format(Messages.HOOK_MALFORMED, "{a,b", Messages.UNBALANCED_BRACES)),
                    at(charm, "\"{a,}-x\"", "malformed hook pattern \"{a,}-x\" in @Hook: {a,} has an empty"
                            + " alternative: write {a,b} with a name on each side of every comma"),
                    at(charm, "\"{}\"", String.format(Messages.HOOK_MALFORMED, "{}",
                            String.format(Messages.EMPTY_ALTERNATIVE, "{}"))),
                    at(charm, "\"{peer:pgsql}\"", "malformed hook pattern \"{peer:pgsql}\" in @Hook: {peer:pgsql}"
                            + " names role \"peer\": the role is provides, requires or peers, as in metadata.yaml"),
                    at(charm, "\"{requires:}\"", "malformed hook pattern \"{requires:}\" in @Hook: {requires:} names"
                            + " no interface: write {role:interface}, such as {requires:pgsql}"),
                    at(charm, "\"{{a}}\"", String.format(Messages.HOOK_MALFORMED, "{{a}}", Messages.NESTED_BRACES)),
                    at(charm, "@Hook({})", "@Hook names no hook pattern: name at least one, such as \"install\" or"
                            + " \"{requires:pgsql}-relation-changed\""));
        }
    }

    @Nested
    class FilesAndActions {

        @Test
        void fileChangedNeedsFilesAndAKnownHash() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @WhenFileChanged(value = {"/etc/a.conf", ""}, hash = "crc32")
                        void changed() {
                        }

                        @WhenFileChanged({})
                        void none() {
                        }

                        @WhenFileChanged(value = "/etc/b.conf", hash = "SHA-512")
                        @WhenFileChanged(value = "/etc/c.conf", hash = "Sha256")
                        void javaAndHashlibNames() {
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "\"\"", "empty file path in @WhenFileChanged: name a file, absolute or relative to the"
                            + " charm directory"),
                    at(charm, "\"crc32\"", "unknown hash algorithm \"crc32\" in @WhenFileChanged: use one of md5, sha1,"
                            + " sha224, sha256, sha384, sha512"),
                    at(charm, "@WhenFileChanged({})", "@WhenFileChanged names no file: name at least one file path"));
        }

        @Test
        void actionNamesFollowJujusRule() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @Action("") void blank() { }
                        @Action("Backup") void upper() { }
                        @Action("create_backup") void underscore() { }
                        @Action("-pause") void leadingHyphen() { }
                        @Action("pause-") void trailingHyphen() { }
                        @Action("p") void oneLetter() { }
                        @Action("create-backup") void hyphenated() { }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "\"\"", "empty action name in @Action: name the action as declared in actions.yaml"),
                    at(charm, "\"Backup\"", "malformed action name \"Backup\" in @Action: Juju action names are"
                            + " lower-case letters and hyphens, starting and ending with a letter, such as"
                            + " \"create-backup\""),
                    at(charm, "\"create_backup\"", String.format(Messages.ACTION_MALFORMED, "create_backup")),
                    at(charm, "\"-pause\"", String.format(Messages.ACTION_MALFORMED, "-pause")),
                    at(charm, "\"pause-\"", String.format(Messages.ACTION_MALFORMED, "pause-")));
        }

        @Test
        void aSecondHandlerOfAnActionInTheCompilationIsAnErrorNamingBoth() {
            JavaFileObject base = source("test.Base", """
                    package test;

                    import dev.charms.reactive.*;

                    class Base {
                        @Action("backup") void backup() { }
                        @Action("restore") void restore() { }
                    }
                    """);
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @Action("backup") void saveData() { }
                        @Action("restore") void restoreData() { }
                        static class Inner {
                            @Action("restore") void again() { }
                        }
                    }
                    """);

            assertThat(errorsOf(base, charm)).containsExactly(
                    at(charm, "saveData", "action \"backup\" has two @Action handlers, test.Charm.saveData and"
                            + " test.Base.backup: Juju runs an action once, so one handler must serve it. Keep one"
                            + " @Action handler and call the other's code from it"),
                    at(charm, "restoreData", String.format(Messages.ACTION_DUPLICATE, "restore",
                            "test.Charm.restoreData", "test.Base.restore")),
                    at(charm, "again", String.format(Messages.ACTION_DUPLICATE, "restore", "test.Charm$Inner.again",
                            "test.Base.restore")));
        }
    }

    @Nested
    class Methods {

        @Test
        void handlersAreNonPrivateConcreteNonGenericInstanceMethods() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    abstract class Charm {
                        @When("a") private void hidden() { }
                        @When("b") abstract void unfinished();
                        @When("c") static void shared() { }
                        @When("d") <T extends Flags> void generic() { }
                    }
                    """);

            assertThat(errorsOf(charm, Sources.FLAGS)).containsExactly(
                    at(charm, "class Charm", String.format(Messages.CLASS_ABSTRACT, "test.Charm")),
                    at(charm, "hidden", "handler Charm.hidden is private, so the generated index cannot call it: make"
                            + " it package-private, protected or public"),
                    at(charm, "unfinished", "handler Charm.unfinished is abstract, so there is no code to run: give it"
                            + " a body in this class"),
                    at(charm, "shared", "handler Charm.shared is static, but handlers are instance methods, called on"
                            + " an instance the runtime creates: remove static"),
                    at(charm, "generic", "handler Charm.generic declares type parameters, which the runtime cannot"
                            + " choose: remove them"));
        }

        @Test
        void overloadedHandlersWouldShareAnId() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When("a") void configure() { }
                        void configure(int notAHandler) { }
                        @When("b") void configure(Flags flags) { }
                    }
                    """);

            assertThat(errorsOf(charm, Sources.FLAGS)).containsExactly(at(charm, "configure(Flags",
                    "handler Charm.configure has the name of another handler in test.Charm, and handler ids are"
                            + " class.method: give each handler its own name"));
        }

        @Test
        void parametersMustBeInjectable() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        @When("a")
                        void configure(Flags flags, String greeting, int count, MyFlags mine, Extended extended,
                                java.util.List<Flags> all, Secret secret) {
                        }

                        private static class Secret implements Flags {
                        }
                    }

                    class MyFlags implements Flags {
                    }

                    @Injectable
                    class Base {
                    }

                    class Extended extends Base {
                    }
                    """);

            assertThat(errorsOf(charm, Sources.FLAGS)).containsExactly(
                    at(charm, "greeting", "parameter greeting of handler Charm.configure has type java.lang.String,"
                            + " which nothing can inject: take a framework type such as Flags or Config (types marked"
                            + " @dev.charms.reactive.Injectable), or mark your own type @Injectable and register a"
                            + " dev.charms.reactive.spi.ParameterResolver for it"),
                    at(charm, "count", String.format(Messages.PARAMETER_NOT_INJECTABLE, "count", "Charm.configure",
                            "int")),
                    at(charm, "all", String.format(Messages.PARAMETER_NOT_INJECTABLE, "all", "Charm.configure",
                            "java.util.List<test.Flags>")),
                    at(charm, "secret", "parameter secret of handler Charm.configure has type test.Charm.Secret, which"
                            + " the generated index in test cannot name: make the type public or package-private"));
        }
    }

    @Nested
    class Classes {

        @Test
        void handlerClassesMustBeInstantiable() {
            JavaFileObject charm = source("test.Charm", """
                    package test;

                    import dev.charms.reactive.*;

                    class Charm {
                        private static class Hidden {
                            @When("a") void a() { }
                        }

                        class Inner {
                            @When("b") void b() { }
                        }

                        static class NeedsArgument {
                            NeedsArgument(int value) { }
                            @When("c") void c() { }
                        }

                        static class PrivateConstructor {
                            private PrivateConstructor() { }
                            @When("d") void d() { }
                        }

                        static class Generic<T> {
                            @When("e") void e() { }
                        }

                        interface Contract {
                            @When("f") default void f() { }
                        }

                        enum Choice {
                            ONE;
                            @When("g") void g() { }
                        }

                        static class Fine {
                            protected Fine() { }
                            @When("h") void h() { }
                        }
                    }
                    """);

            assertThat(errorsOf(charm)).containsExactly(
                    at(charm, "enum Choice", "test.Charm.Choice is an enum, but handlers must be declared in a class"),
                    at(charm, "interface Contract", String.format(Messages.CLASS_NOT_A_CLASS, "test.Charm.Contract",
                            "an interface")),
                    at(charm, "class Generic", "handler class test.Charm.Generic declares type parameters, which"
                            + " the runtime cannot choose: remove them"),
                    at(charm, "class Hidden", "handler class test.Charm.Hidden is private, so the generated index"
                            + " cannot use it: make it package-private or public"),
                    at(charm, "class Inner", "handler class test.Charm.Inner is an inner class, which needs an"
                            + " enclosing instance: make it static"),
                    at(charm, "class NeedsArgument", "handler class test.Charm.NeedsArgument has no non-private"
                            + " constructor without parameters, so the runtime cannot create it: add one"),
                    at(charm, "class PrivateConstructor", String.format(Messages.CLASS_NO_CONSTRUCTOR,
                            "test.Charm.PrivateConstructor")));
        }

        @Test
        void everyErrorOfACompilationIsReported() {
            JavaFileObject first = source("test.First", """
                    package test;

                    import dev.charms.reactive.*;

                    class First {
                        @When("") void a(String s) { }
                        @Hook("install") @When("x") private void b() { }
                    }
                    """);
            JavaFileObject second = source("test.Second", """
                    package test;

                    import dev.charms.reactive.*;

                    class Second {
                        Second(int value) { }
                        @Action("Bad") void c() { }
                        @NotUnless("x") void d() { }
                    }
                    """);

            assertThat(errorsOf(first, second)).containsExactlyInAnyOrder(
                    at(first, "\"\"", String.format(Messages.FLAG_BLANK, "When")),
                    at(first, "s)", String.format(Messages.PARAMETER_NOT_INJECTABLE, "s", "First.a",
                            "java.lang.String")),
                    at(first, "b()", String.format(Messages.HANDLER_PRIVATE, "First.b")),
                    at(first, "@When(\"x\")", String.format(Messages.HOOK_WITH_FLAGS, "When", "First.b")),
                    at(second, "class Second", String.format(Messages.CLASS_NO_CONSTRUCTOR, "test.Second")),
                    at(second, "\"Bad\"", String.format(Messages.ACTION_MALFORMED, "Bad")),
                    at(second, "d()", String.format(Messages.NO_CONDITION, "Second.d")));
        }
    }
}
