package dev.charms.reactive.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes that use {@link CharmTest} through the real Jupiter engine, and checks what their parameters were
 * and how a bad declaration fails. The test classes ({@code *TestCase}) are static nested classes, which Maven's test
 * run leaves out; they record what they were given in {@link #seen}.
 */
class CharmExtensionTest {
    private static final String GREETER = "src/test/charms/greeter";

    /** What the test cases saw, by test method name. */
    static final Map<String, Object> seen = new LinkedHashMap<>();

    public static class Greeter {
        @WhenNot("greeter.installed")
        void install(Flags flags, Status status) {
            flags.set("greeter.installed");
            status.active("ready");
        }

        @When({"greeter.installed", "config.changed"})
        void configure(Config config, Log log) {
            log.info("greeting is " + config.getString("greeting"));
        }

        @Hook("{provides:http}-relation-joined")
        void joined(Log log) {
            log.info("a client joined");
        }

        @Action("greet")
        void greet(ActionContext action, Config config) {
            action.set("message", config.getString("greeting") + ", " + action.getString("name"));
        }
    }

    /** The outcome of each test a run executed, by its display name, and the failures' exceptions. */
    private static final class Outcomes implements TestExecutionListener {
        private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                results.put(test.getDisplayName(), result);
            }
        }

        Throwable failure(String test) {
            TestExecutionResult result = results.get(test);
            assertThat(result).as("the run of " + test).isNotNull();
            assertThat(result.getStatus()).as("the outcome of " + test).isEqualTo(TestExecutionResult.Status.FAILED);
            return result.getThrowable().orElseThrow();
        }
    }

    private static Outcomes run(Class<?> testClass) {
        seen.clear();
        Outcomes outcomes = new Outcomes();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), outcomes);
        return outcomes;
    }

    @CharmTest(charmDir = GREETER, handlers = Greeter.class)
    static class ResolvesTestCase {
        @Test
        void harness(Harness harness, Harness again) {
            Result install = harness.hook("install").run();
            seen.put("invoked", install.invoked());
            seen.put("unit", install.unitName());
            seen.put("log", install.log().stream().map(LogLine::message).filter(m -> m.startsWith("greeting"))
                    .toList());
            seen.put("joined", harness.hook("website-relation-joined").run().invoked().contains("Greeter.joined"));
            seen.put("greet", harness.action("greet", Map.of("name", "Ann")).run().actionResults());
            seen.put("greet without a name", harness.action("greet", Map.of()).run().actionFailure());
            seen.put("same harness", harness == again);
        }

        @Test
        void charm(Charm charm) {
            seen.put("name", charm.name());
        }

        @Test
        void models(Model model, @Deployed(units = 2) Model deployed, @Deployed(application = "hi") Model named) {
            seen.put("empty", model.units());
            seen.put("deployed", deployed.units().stream().map(SimulatedUnit::name).toList());
            seen.put("flags", deployed.unit("greeter/1").flags());
            seen.put("named", named.units().stream().map(SimulatedUnit::name).toList());
        }

        @Nested
        class Inner {
            @Test
            void nested(Charm charm) {
                seen.put("nested", charm.name());
            }
        }
    }

    @Test
    void testMethodsGetTheHarnessTheCharmAndModelsOfTheCharmUnderTest() {
        Outcomes outcomes = run(ResolvesTestCase.class);

        assertThat(outcomes.results.values()).extracting(TestExecutionResult::getStatus)
                .containsOnly(TestExecutionResult.Status.SUCCESSFUL).hasSize(4);
        assertThat(seen).containsEntry("invoked", List.of("Greeter.install", "Greeter.configure"))
                .containsEntry("unit", "greeter/0")
                .containsEntry("log", List.of("greeting is hello"))
                .containsEntry("joined", true)
                .containsEntry("greet", Map.of("message", "hello, Ann"))
                .containsEntry("same harness", true)
                .containsEntry("name", Optional.of("greeter"))
                .containsEntry("empty", List.of())
                .containsEntry("deployed", List.of("greeter/0", "greeter/1"))
                .containsEntry("flags", Set.of("greeter.installed"))
                .containsEntry("named", List.of("hi/0"))
                .containsEntry("nested", Optional.of("greeter"));
        assertThat(seen.get("greet without a name").toString()).contains("name");
    }

    @CharmTest(charmDir = "src/test/charms/missing", handlers = Greeter.class)
    static class MissingDirectoryTestCase {
        @Test
        void harness(Harness harness) {
        }

        @Test
        void emptyModel(Model model) {
            seen.put("units", model.units());
        }
    }

    @Test
    void aCharmDirectoryThatIsNotThereFailsTheTestNamingThePathAndAnEmptyModelDoesNotNeedIt() {
        Outcomes outcomes = run(MissingDirectoryTestCase.class);
        Throwable failure = outcomes.failure("harness(Harness)");

        String message = "the charm directory src/test/charms/missing of"
                + " dev.charms.reactive.testing.junit.CharmExtensionTest$MissingDirectoryTestCase does not exist: there"
                + " is no directory " + Path.of("src/test/charms/missing").toAbsolutePath() + ". Name the directory"
                + " that holds the charm's metadata.yaml, relative to " + Path.of("").toAbsolutePath() + ", with"
                + " @CharmTest(charmDir = \"...\")";
        assertThat(failure.getCause()).hasMessage(message);
        assertThat(failure.getMessage()).startsWith("Failed to resolve parameter [dev.charms.reactive.testing.Harness ")
                .contains("in method [void dev.charms.reactive.testing.junit.CharmExtensionTest"
                        + "$MissingDirectoryTestCase.harness(dev.charms.reactive.testing.Harness)]: ")
                .endsWith(message);
        assertThat(outcomes.results.get("emptyModel(Model)").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(seen).containsEntry("units", List.of());
    }

    @ExtendWith(CharmExtension.class)
    static class DefaultsTestCase {
        @Test
        void charm(Charm charm) {
        }
    }

    @Test
    void extendWithAloneReadsTheDefaultDirectory() {
        Throwable failure = run(DefaultsTestCase.class).failure("charm(Charm)");

        assertThat(failure.getCause()).hasMessageStartingWith("the charm directory src/main/charm of"
                + " dev.charms.reactive.testing.junit.CharmExtensionTest$DefaultsTestCase does not exist");
    }

    @CharmTest(charmDir = "src/test/charms/unfinished", handlers = Greeter.class)
    static class NoMetadataTestCase {
        @Test
        void charm(Charm charm) {
        }
    }

    @Test
    void aDirectoryWithoutMetadataFailsNamingTheFile() {
        Throwable failure = run(NoMetadataTestCase.class).failure("charm(Charm)");

        assertThat(failure.getCause()).hasMessage("java.nio.file.NoSuchFileException:"
                + " src/test/charms/unfinished/metadata.yaml: every charm needs one; is src/test/charms/unfinished the"
                + " charm's source directory?");
    }

    @CharmTest(charmDir = GREETER)
    static class DiscoveryTestCase {
        @Test
        void harness(Harness harness) {
        }
    }

    @Test
    void withoutHandlerClassesAndWithoutAnIndexOnTheClassPathTheTestIsToldToNameThem() {
        Throwable failure = run(DiscoveryTestCase.class).failure("harness(Harness)");

        assertThat(failure.getCause()).hasMessage("no handler index (META-INF/services/dev.charms.reactive.spi"
                + ".HandlerIndex) on the test class path of dev.charms.reactive.testing.junit.CharmExtensionTest"
                + "$DiscoveryTestCase; compile the charm with the annotation processor (reactive-processor on the"
                + " compiler's path), or name the handler classes: @CharmTest(handlers = {MyCharm.class})");
    }

    @CharmTest(charmDir = "src/test/charms/nameless", handlers = Greeter.class)
    static class NamelessTestCase {
        @Test
        void deployed(@Deployed Model model) {
        }

        @Test
        void named(@Deployed(application = "anon") Model model) {
            seen.put("units", model.units().stream().map(SimulatedUnit::name).toList());
        }
    }

    @Test
    void deployingACharmWithoutANameNeedsTheApplicationsName() {
        Outcomes outcomes = run(NamelessTestCase.class);

        assertThat(outcomes.failure("deployed(Model)").getCause()).hasMessage("the metadata.yaml of the charm under"
                + " test in dev.charms.reactive.testing.junit.CharmExtensionTest$NamelessTestCase gives no name for"
                + " the application; add \"name: <charm>\" to it, as Juju requires, or name the application:"
                + " @Deployed(application = \"<name>\")");
        assertThat(seen).containsEntry("units", List.of("anon/0"));
    }

    @CharmTest(charmDir = GREETER, handlers = Greeter.class)
    static class MisplacedTestCase {
        @Test
        void misplaced(@Deployed Harness harness) {
        }
    }

    @Test
    void deployedOnAnythingButAModelIsAnError() {
        Throwable failure = run(MisplacedTestCase.class).failure("misplaced(Harness)");

        assertThat(failure.getCause()).hasMessage("@Deployed goes on a parameter of type"
                + " dev.charms.reactive.testing.model.Model, not dev.charms.reactive.testing.Harness");
    }
}
