package dev.charms.reactive.layers.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.spi.Condition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analysis finds in handler bytecode compiled in-test with the real processor. */
class FlowAnalysisTest {

    private static final String PROBE = """
            package app;

            import dev.charms.reactive.When;
            import dev.charms.reactive.config.Config;
            import dev.charms.reactive.flags.Flags;
            import dev.charms.reactive.flags.Trigger;
            import dev.charms.reactive.leadership.Leadership;
            import java.util.List;

            public class Probe {
                static final String ASSIGNED;

                static {
                    ASSIGNED = "app.assigned";
                }

                @When("app.start")
                void direct(Flags flags) {
                    flags.set("app.one");
                    flags.clear("app.two");
                }

                @When("app.start")
                void branches(Flags flags, Config config) {
                    flags.set(config.getString("mode").isEmpty() ? "app.empty" : "app.full");
                    if (config.getString("mode").equals("x")) {
                        flags.clear("app.sometimes");
                    }
                    flags.toggle("app.toggled", config.getString("mode").isEmpty());
                }

                @When("app.start")
                void indirect(Flags flags) {
                    String local = "app.local";
                    flags.set(local);
                    flags.set(ASSIGNED);
                    markReady(flags);
                    flags.set(name());
                    List.of(1).forEach(i -> flags.set("app.lambda"));
                }

                @When("app.start")
                void computed(Flags flags, Config config) {
                    flags.set("app." + config.getString("mode") + ".ready");
                    flags.clear(config.getString("mode"));
                }

                @When("app.start")
                void triggersAndReads(Flags flags, Leadership leadership) {
                    flags.registerTrigger(Trigger.builder().when("app.a").setFlag("app.b").clearFlag("app.c").build());
                    if (flags.isSet("app.r") && flags.allSet("app.s", "app.t")) {
                        leadership.set("key", "v");
                    }
                }

                private void markReady(Flags flags) {
                    flags.set("app.private");
                }

                private static String name() {
                    return "app.returned";
                }
            }
            """;

    private static final String HTTP = """
            package app;

            import dev.charms.reactive.EndpointInterface;
            import dev.charms.reactive.When;
            import dev.charms.reactive.endpoints.Endpoint;
            import dev.charms.reactive.flags.Flags;

            @EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
            public class HttpProvides extends Endpoint {
                @When("endpoint.{endpoint_name}.joined")
                void joined(Flags flags) {
                    flags.set(expandName("{endpoint_name}.available"));
                    flags.set(expandName("ready"));
                }

                @Override
                protected void manageFlags() {
                    flags().set(expandName("managed"));
                }
            }
            """;

    private static final String METADATA = """
            name: web
            summary: Web
            description: Serves.
            provides:
              website: {interface: http}
              admin: {interface: http}
            requires:
              db: mysql
            """;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static FlagFlow probe;

    @BeforeAll
    static void compileProbe() {
        probe = TestCharms.analyze(TestCharms.jar(shared.resolve("probe.jar"), Map.of("app.Probe", PROBE)));
    }

    /** {@code SET app.x}; a {@code ?} after the effect when conditional. */
    private static List<String> uses(HandlerFlow handler) {
        return handler.uses().stream()
                .map(u -> u.effect() + (u.conditional() ? "?" : "") + " " + u.flag())
                .toList();
    }

    private static HandlerFlow probe(String method) {
        return probe.handler("app.Probe." + method).orElseThrow();
    }

    @Test
    void constantsPassedToTheFlagsApiAreSetsAndClearsOnEveryRun() {
        assertThat(uses(probe("direct"))).containsExactly("SET app.one", "CLEAR app.two");
    }

    @Test
    void branchesMakeUsesConditionalAndBothArmsOfAConditionalAreFound() {
        assertThat(uses(probe("branches"))).containsExactlyInAnyOrder("SET? app.empty", "SET? app.full",
                "CLEAR? app.sometimes", "SET? app.toggled", "CLEAR? app.toggled");
    }

    @Test
    void localsStaticFinalFieldsPrivateMethodsReturnValuesAndLambdasAreFollowed() {
        assertThat(uses(probe("indirect"))).containsExactlyInAnyOrder("SET app.local", "SET app.assigned",
                "SET app.private", "SET app.returned", "SET? app.lambda");
    }

    @Test
    void namesComputedAtRunTimeAreReportedWithTheirKnownParts() {
        assertThat(uses(probe("computed"))).containsExactlyInAnyOrder("SET? <computed: app.*.ready>",
                "CLEAR? <computed: *>");
    }

    @Test
    void triggersReadsAndLeaderSettingsAreFound() {
        HandlerFlow handler = probe("triggersAndReads");

        assertThat(handler.triggers()).containsExactly(new TriggerFlow(FlagRef.named("app.a"), true,
                List.of(FlagRef.named("app.b")), List.of(FlagRef.named("app.c"))));
        assertThat(uses(handler)).containsExactlyInAnyOrder("READ app.r", "READ? app.s", "READ? app.t",
                "SET? leadership.changed", "SET? leadership.changed.key", "SET? leadership.set.key",
                "CLEAR? leadership.set.key");
    }

    @Test
    void theConditionsComeFromTheHandlerIndex() {
        assertThat(probe("direct").conditions())
                .containsExactly(new Condition(Condition.Kind.WHEN_ALL, List.of("app.start"), ""));
    }

    @Test
    void anEndpointClassIsBoundOncePerMatchingRelationWithItsStartOfHookMethods() {
        FlagFlow flow = TestCharms.analyze(TestCharms.charm(temp.resolve("web"), METADATA, null,
                Map.of("app.HttpProvides", HTTP)));

        assertThat(flow.handlers()).extracting(HandlerFlow::displayName).containsExactly(
                "HttpProvides.joined:website", "HttpProvides.joined:admin", "HttpProvides.manageFlags:website",
                "HttpProvides.manageFlags:admin");
        HandlerFlow joined = flow.handler("app.HttpProvides.joined:admin").orElseThrow();
        assertThat(joined.flags(Condition.Kind.WHEN_ALL)).containsExactly("endpoint.admin.joined");
        assertThat(uses(joined)).containsExactly("SET admin.available", "SET endpoint.admin.ready");
        assertThat(uses(flow.handler("app.HttpProvides.manageFlags:website").orElseThrow()))
                .containsExactly("SET endpoint.website.managed");
        assertThat(flow.automatic().sets("endpoint.website.joined")).isTrue();
        assertThat(flow.automatic().sets("endpoint.admin.changed.port")).isTrue();
        assertThat(flow.automatic().sets("endpoint.db.joined")).as("db has no endpoint class").isFalse();
    }

    @Test
    void withoutMetadataAnEndpointClassKeepsItsPlaceholderAndAutomaticFlagsArePatterns() {
        FlagFlow flow = TestCharms.analyze(TestCharms.jar(temp.resolve("web.jar"), Map.of("app.HttpProvides", HTTP)));

        HandlerFlow joined = flow.handler("app.HttpProvides.joined").orElseThrow();
        assertThat(joined.flags(Condition.Kind.WHEN_ALL)).containsExactly("endpoint.{endpoint_name}.joined");
        assertThat(uses(joined)).containsExactly("SET {endpoint_name}.available",
                "SET endpoint.{endpoint_name}.ready");
        assertThat(flow.charmFilesKnown()).isFalse();
        assertThat(flow.automatic().sets("endpoint.{endpoint_name}.joined")).isTrue();
        assertThat(flow.automatic().sets("config.changed.anything")).isTrue();
    }

    @Test
    void configYamlNamesTheAutomaticConfigFlagsExactly() {
        FlagFlow flow = TestCharms.analyze(TestCharms.charm(temp.resolve("c"), "name: c\n",
                "options:\n  port:\n    type: int\n    default: 1\n    description: Port\n",
                Map.of("app.Probe", PROBE)));

        assertThat(flow.automatic().sets("config.changed.port")).isTrue();
        assertThat(flow.automatic().sets("config.set.port")).isTrue();
        assertThat(flow.automatic().sets("config.set.prot")).isFalse();
    }
}
