package dev.charms.reactive.layers.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.layers.flow.TestCharms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on a small charm that has exactly that defect: the exact findings. */
class LintTest {

    private static final String METADATA = "name: app\nsummary: App\ndescription: Tests lint.\n";

    @TempDir
    Path temp;

    /** Lints a built charm of one handler class {@code app.<name>} with body {@code body}. */
    private List<String> lint(String name, String config, String body) {
        String source = """
                package app;

                import dev.charms.reactive.*;
                import dev.charms.reactive.config.Config;
                import dev.charms.reactive.flags.Flags;
                import dev.charms.reactive.flags.Trigger;

                public class %s {
                %s
                }
                """.formatted(name, body);
        Path charm = TestCharms.charm(temp.resolve(name), METADATA, config, Map.of("app." + name, source));
        return Lint.check(TestCharms.analyze(charm)).findings().stream().map(LintFinding::format).toList();
    }

    @Test
    void aHandlerNeedingAFlagNothingSetsCanNeverRunAndNeitherCanThoseWaitingForItsFlags() {
        assertThat(lint("Orphan", null, """
                    @WhenNot("app.installed")
                    void install(Flags flags) {
                        flags.set("app.installed");
                    }

                    @When("app.configured")
                    void start(Flags flags) {
                        flags.set("app.started");
                    }

                    @When("app.started")
                    void serve(Flags flags) {
                    }
                """)).containsExactly(
                "E: Orphan.serve: flag app.started: can never run: it needs app.started (@When), which only"
                        + " Orphan.start sets, and it can never run either [never-runs]",
                "E: Orphan.start: flag app.configured: can never run: it needs app.configured (@When), which no"
                        + " handler, trigger or automatic rule sets [never-runs]");
    }

    @Test
    void aFlagSetButNeverReadIsAWarning() {
        assertThat(lint("Unread", null, """
                    @WhenNot("app.installed")
                    void install(Flags flags) {
                        flags.set("app.installed");
                        flags.set("app.version");
                    }
                """)).containsExactly(
                "W: Unread.install: flag app.version: sets app.version, which no handler condition, trigger or flag"
                        + " read uses; use the flag, or stop setting it [never-read]");
    }

    @Test
    void twoHandlersThatSetAndClearAFlagOnEveryRunFlipItForever() {
        assertThat(lint("Flip", null, """
                    @WhenNot("app.ready")
                    void init(Flags flags) {
                        flags.set("app.ready");
                    }

                    @When("app.ready")
                    @WhenNot("app.busy")
                    void lock(Flags flags) {
                        flags.set("app.busy");
                    }

                    @When({"app.ready", "app.busy"})
                    void unlock(Flags flags) {
                        flags.clear("app.busy");
                    }
                """)).containsExactly(
                "E: Flip.lock: flag app.busy: sets app.busy whenever it is not set, and Flip.unlock clears it"
                        + " whenever it is set, both on every run: once both can run, they flip app.busy back and"
                        + " forth until the iteration cap ends the hook; guard one of them with another flag, or let"
                        + " one stop the other [flip-flop]");
    }

    @Test
    void aClearThatDependsOnTheCodeOrAHandlerThatChangesItsOtherConditionIsNoFlipFlop() {
        assertThat(lint("Guarded", null, """
                    @WhenNot("app.ready")
                    void init(Flags flags) {
                        flags.set("app.ready");
                    }

                    @When("app.ready")
                    @WhenNot("app.busy")
                    void lock(Flags flags) {
                        flags.set("app.busy");
                    }

                    @When({"app.ready", "app.busy"})
                    void unlock(Flags flags, Config config) {
                        if (config.getBoolean("release")) {
                            flags.clear("app.busy");
                        }
                    }

                    @When("app.ready")
                    @WhenNot("app.done")
                    void once(Flags flags) {
                        flags.set("app.done");
                    }

                    @When({"app.ready", "app.done"})
                    void reset(Flags flags) {
                        flags.clear("app.done");
                        flags.clear("app.ready");
                    }
                """)).isEmpty();
    }

    @Test
    void aFlagOneEditAwayFromAUsedOneIsALikelyTypo() {
        assertThat(lint("Typo", "options:\n  port:\n    type: int\n    default: 80\n    description: Port\n", """
                    @WhenNot("app.ready")
                    void prepare(Flags flags) {
                        flags.set("app.ready");
                    }

                    @When("app.redy")
                    void serve(Flags flags) {
                    }

                    @When({"app.ready", "config.changed.prt"})
                    void configure(Flags flags) {
                    }
                """)).containsExactly(
                "E: Typo.configure: flag config.changed.prt: can never run: it needs config.changed.prt (@When),"
                        + " which no handler, trigger or automatic rule sets [never-runs]",
                "E: Typo.serve: flag app.redy: can never run: it needs app.redy (@When), which no handler, trigger"
                        + " or automatic rule sets [never-runs]",
                "W: Typo.configure: flag config.changed.prt: config.changed.prt is never set, and one edit away"
                        + " from config.changed.port, which is set: a typo? (did you mean 'config.changed.port'?)"
                        + " [typo]",
                "W: Typo.serve: flag app.redy: app.redy is never set, and one edit away from app.ready, which is"
                        + " set: a typo? (did you mean 'app.ready'?) [typo]");
    }

    @Test
    void namesComputedAtRunTimeAreReportedAndOnlyWeakenWhatTheyCouldBe() {
        assertThat(lint("Computed", null, """
                    @WhenNot("app.done")
                    void pick(Flags flags, Config config) {
                        flags.set("app.mode." + config.getString("mode"));
                        flags.set("app.done");
                    }

                    @When("app.mode.fast")
                    void fast(Flags flags) {
                    }
                """)).containsExactly(
                "W: Computed.fast: flag app.mode.fast: may never run: it needs app.mode.fast (@When), which no"
                        + " handler, trigger or automatic rule sets by name; only a flag computed at run time could"
                        + " be it (app.mode.* in Computed.pick) [never-runs]",
                "I: Computed.pick: flag app.mode.*: sets a flag whose name is computed at run time; lint does not"
                        + " check it [computed-flag]");
    }

    @Test
    void flagsThatTriggersSetAndReadCount() {
        assertThat(lint("Triggered", null, """
                    @WhenNot("app.installed")
                    void install(Flags flags) {
                        flags.registerTrigger(Trigger.builder().when("app.installed").setFlag("app.fresh").build());
                        flags.set("app.installed");
                    }

                    @When("app.fresh")
                    void welcome(Flags flags) {
                        flags.clear("app.fresh");
                    }
                """)).isEmpty();
    }

    @Test
    void anEndpointClassWithoutARelationOrWithoutItsInterfaceIsReported() {
        String http = """
                package app;

                import dev.charms.reactive.EndpointInterface;
                import dev.charms.reactive.When;
                import dev.charms.reactive.endpoints.Endpoint;
                import dev.charms.reactive.flags.Flags;

                @EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
                public class HttpProvides extends Endpoint {
                    @When("endpoint.{endpoint_name}.joined")
                    void joined(Flags flags) {
                    }
                }
                """;
        String bare = """
                package app;

                import dev.charms.reactive.When;
                import dev.charms.reactive.endpoints.Endpoint;
                import dev.charms.reactive.flags.Flags;

                public class Bare extends Endpoint {
                    @When("endpoint.{endpoint_name}.joined")
                    void joined(Flags flags) {
                    }
                }
                """;
        Path charm = TestCharms.charm(temp.resolve("web"), METADATA, null,
                Map.of("app.HttpProvides", http, "app.Bare", bare));

        assertThat(Lint.check(TestCharms.analyze(charm)).findings()).extracting(LintFinding::format).containsExactly(
                "E: Bare: app.Bare extends Endpoint but has no @EndpointInterface, so the runtime refuses to start"
                        + " any hook; annotate it with @EndpointInterface(value = \"<interface>\", role = PROVIDES,"
                        + " REQUIRES or PEERS) [endpoint-interface]",
                "W: HttpProvides: metadata.yaml declares no provides relation with interface http, so"
                        + " app.HttpProvides is bound to none and its handlers never run; declare the relation, or"
                        + " remove the class [unbound-endpoint]");
    }

    @Test
    void flagsSetThroughOtherClassesCountAndALayersUnreadFlagsAreItsApi() {
        String charmClass = """
                package app;

                import dev.charms.reactive.*;
                import dev.charms.reactive.flags.Flags;

                public class Charm {
                    @WhenNot("app.ready")
                    void install(Flags flags) {
                        new Installer(flags).install(3);
                    }

                    @When({"app.ready", "layer.in-progress"})
                    void hold(Flags flags) {
                    }
                }
                """;
        String installer = """
                package app;

                import dev.charms.reactive.flags.Flags;

                class Installer {
                    private final Flags flags;

                    Installer(Flags flags) {
                        this.flags = flags;
                    }

                    void install(int attempts) {
                        if (attempts > 0) {
                            install(attempts - 1);
                        }
                        Names.ready(flags);
                        flags.set("app.version");
                    }
                }
                """;
        String names = """
                package app;

                import dev.charms.reactive.flags.Flags;

                final class Names {
                    static final String READY = "app.ready";

                    private Names() {
                    }

                    static void ready(Flags flags) {
                        flags.set(READY);
                    }
                }
                """;
        String layerHandlers = """
                package layer;

                import dev.charms.reactive.Hook;
                import dev.charms.reactive.flags.Flags;

                public class Layer {
                    public static final String IN_PROGRESS = "layer.in-progress";

                    @Hook("update-status")
                    void evaluate(Flags flags) {
                        new Unit(flags).evaluate(true);
                    }

                    @Hook("stop")
                    void stop(Flags flags) {
                        flags.set("layer.tearing-down");
                    }
                }
                """;
        String unit = """
                package layer;

                import dev.charms.reactive.flags.Flags;

                final class Unit {
                    private final Flags flags;

                    Unit(Flags flags) {
                        this.flags = flags;
                    }

                    void evaluate(boolean inProgress) {
                        flags.toggle(Layer.IN_PROGRESS, inProgress);
                    }
                }
                """;
        Path charm = TestCharms.charm(temp.resolve("layered"), METADATA, null,
                Map.of("app.Charm", charmClass, "app.Installer", installer, "app.Names", names));
        TestCharms.layerJar(charm.resolve("lib/layer.jar"), "layer", Map.of("layer.Layer", layerHandlers,
                "layer.Unit", unit));

        assertThat(Lint.check(TestCharms.analyze(charm)).findings()).extracting(LintFinding::format).containsExactly(
                "W: Charm.install: flag app.version: sets app.version, which no handler condition, trigger or flag"
                        + " read uses; use the flag, or stop setting it [never-read]");
    }

    @Test
    void aFlagSetFourCallsDeepIsSeenAndOneSetFiveCallsDeepIsNot() {
        assertThat(lint("Deep", null, """
                    @Hook("install")
                    void install(Flags flags) {
                        one(flags);
                    }

                    @When("app.four")
                    void four(Flags flags) {
                    }

                    @When("app.five")
                    void five(Flags flags) {
                    }

                    private static void one(Flags flags) {
                        two(flags);
                    }

                    private static void two(Flags flags) {
                        three(flags);
                    }

                    private static void three(Flags flags) {
                        fourth(flags);
                    }

                    private static void fourth(Flags flags) {
                        flags.set("app.four");
                        fifth(flags);
                    }

                    private static void fifth(Flags flags) {
                        flags.set("app.five");
                    }
                """)).containsExactly(
                "E: Deep.five: flag app.five: can never run: it needs app.five (@When), which no handler, trigger or"
                        + " automatic rule sets [never-runs]");
    }
}
