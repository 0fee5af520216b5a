package dev.charms.reactive.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.When;
import dev.charms.reactive.discovery.fixtures.BrokenCharm;
import dev.charms.reactive.discovery.fixtures.ConditionsCharm;
import dev.charms.reactive.discovery.fixtures.IndexedCharms;
import dev.charms.reactive.discovery.fixtures.NestedCharm;
import dev.charms.reactive.discovery.fixtures.NestedCharm_Inner_ReactiveHandlers;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.Condition.Kind;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReactiveHandlersTest {
    private static final String CHARM = "dev.charms.reactive.discovery.fixtures.ConditionsCharm";

    private final HandlerIndex index = ReactiveHandlers.of(ConditionsCharm.class);
    private final Map<String, HandlerDefinition> handlers = index.handlers().stream()
            .collect(Collectors.toMap(HandlerDefinition::methodName, Function.identity()));

    private static Condition condition(Kind kind, String... values) {
        return new Condition(kind, List.of(values), "");
    }

    @Test
    void handlersComeInDeclarationOrderReadFromTheClassFile() {
        assertThat(index.handlerClass()).isEqualTo(ConditionsCharm.class);
        assertThat(index.handlers()).extracting(HandlerDefinition::methodName)
                .containsExactly("install", "configure", "database", "hooks", "reload", "metrics", "meter", "backup",
                        "announce", "fail");
        assertThat(index.handlers()).extracting(HandlerDefinition::id)
                .startsWith(CHARM + ".install", CHARM + ".configure");
    }

    @Test
    void flagConditionsKeepTheirOrderWithStackedAnnotationsWhereTheFirstStood() {
        assertThat(handlers.get("configure").conditions()).containsExactly(
                condition(Kind.WHEN_ALL, "hello.installed"),
                condition(Kind.WHEN_ALL, "config.changed", "leadership.is_leader"),
                condition(Kind.WHEN_NONE, "hello.blocked"));
        assertThat(handlers.get("database").conditions()).containsExactly(
                condition(Kind.WHEN_ANY, "db.joined", "db.changed"),
                condition(Kind.WHEN_NOT_ALL, "db.ready", "db.configured"),
                condition(Kind.WHEN_ALL, "hello.installed"),
                condition(Kind.WHEN_NONE, "stopping", "stopped"));
    }

    @Test
    void notUnlessIsANoteNotACondition() {
        HandlerDefinition install = handlers.get("install");

        assertThat(install.conditions()).containsExactly(condition(Kind.WHEN_NONE, "hello.installed"));
        assertThat(install.notUnless()).containsExactly("apt.ready");
        assertThat(install.parameterTypes()).containsExactly(String.class, int.class);
    }

    @Test
    void hooksFilesOnlyOnceAndRestrictedHooks() {
        assertThat(handlers.get("hooks").conditions()).containsExactly(
                condition(Kind.HOOK, "{provides:http}-relation-{joined,changed}"),
                condition(Kind.HOOK, "upgrade-charm"));
        assertThat(handlers.get("reload").conditions()).containsExactly(
                new Condition(Kind.FILE_CHANGED, List.of("/etc/hello.conf"), "sha256"),
                new Condition(Kind.FILE_CHANGED, List.of("/etc/hello.d/extra.conf"), "md5"),
                condition(Kind.ONLY_ONCE));
        assertThat(handlers.get("metrics").conditions())
                .containsExactly(condition(Kind.RESTRICTED_HOOK, "collect-metrics"));
        assertThat(handlers.get("meter").conditions())
                .containsExactly(condition(Kind.RESTRICTED_HOOK, "meter-status-changed"));
    }

    @Test
    void anActionHandlerNamesItsAction() {
        HandlerDefinition backup = handlers.get("backup");

        assertThat(backup.action()).contains("backup");
        assertThat(backup.conditions()).isEmpty();
        assertThat(handlers.get("install").action()).isEmpty();
    }

    @Test
    void theInvokerCallsThePackagePrivateMethodWithTheGivenArguments() throws Exception {
        ConditionsCharm charm = (ConditionsCharm) index.newInstance();

        handlers.get("install").invoker().invoke(charm, new Object[] {"hello", 3});
        handlers.get("backup").invoker().invoke(charm, new Object[] {"/srv/backup"});
        handlers.get("configure").invoker().invoke(charm, new Object[0]);

        assertThat(charm.calls()).containsExactly("install hello x3", "backup /srv/backup", "configure");
    }

    @Test
    void eachNewInstanceIsFresh() {
        assertThat(index.newInstance()).isNotSameAs(index.newInstance());
    }

    @Test
    void aStaticHandlerIgnoresTheTarget() throws Exception {
        ConditionsCharm.STATIC_CALLS.clear();

        handlers.get("announce").invoker().invoke(index.newInstance(), new Object[] {"hi"});

        assertThat(ConditionsCharm.STATIC_CALLS).containsExactly("hi");
    }

    @Test
    void whatTheHandlerThrowsComesOutUnwrapped() {
        assertThatThrownBy(() -> handlers.get("fail").invoker().invoke(index.newInstance(), new Object[0]))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("disk full");
    }

    @Test
    void aClassWithoutHandlerAnnotationsHasNoHandlers() {
        assertThat(ReactiveHandlers.of(IndexedCharms.Alpha.class).handlers()).isEmpty();
    }

    @Test
    void everyProblemOfAClassIsReportedAtOnce() {
        assertThatThrownBy(() -> ReactiveHandlers.of(BrokenCharm.class))
                .isInstanceOf(HandlerDiscoveryException.class)
                .hasMessage("Cannot use the handlers of dev.charms.reactive.discovery.fixtures.BrokenCharm (the"
                        + " annotation processor would have rejected them at compile time):\n"
                        + "  - BrokenCharm has no constructor without parameters; the runtime creates handler"
                        + " classes with one\n"
                        + "  - BrokenCharm.hidden is private; make it package-private or public\n"
                        + "  - BrokenCharm.unconditional has no condition: add @When, @WhenNot, @Hook, @Action or"
                        + " another condition, or remove its annotations if it is not a handler");
    }

    static class Overloaded {
        @When("a")
        void configure() {
        }

        void configure(int notAHandler) {
        }

        @When("b")
        void configure(Flags flags) {
        }
    }

    @Test
    void twoHandlersWithOneNameAreRejectedBecauseTheyWouldShareAnId() {
        assertThatThrownBy(() -> ReactiveHandlers.of(Overloaded.class))
                .isInstanceOf(HandlerDiscoveryException.class)
                .hasMessageEndingWith(":\n  - Overloaded.configure has the name of another handler in "
                        + Overloaded.class.getName() + ", and handler ids are class.method: give each handler its"
                        + " own name");
    }

    @Test
    void forAClassTheGeneratedIndexIsPreferredAndNamedAsTheProcessorNamesNestedClasses() {
        assertThat(HandlerDiscovery.forClass(NestedCharm.Inner.class))
                .isInstanceOf(NestedCharm_Inner_ReactiveHandlers.class);
        assertThat(HandlerDiscovery.forClass(ConditionsCharm.class).handlers())
                .extracting(HandlerDefinition::methodName)
                .containsExactlyElementsOf(index.handlers().stream().map(HandlerDefinition::methodName).toList());
    }

    @Test
    void anInnerClassIsToldToBeStatic() {
        assertThatThrownBy(() -> ReactiveHandlers.of(BrokenCharm.Inner.class))
                .isInstanceOf(HandlerDiscoveryException.class)
                .hasMessageEndingWith("\n  - Inner has no constructor without parameters (it is an inner class:"
                        + " make it static); the runtime creates handler classes with one");
    }

    @Test
    void anAbstractClassCannotBeInstantiated() {
        assertThatThrownBy(() -> ReactiveHandlers.of(BrokenCharm.Abstract.class))
                .isInstanceOf(HandlerDiscoveryException.class)
                .hasMessageEndingWith(":\n"
                        + "  - Abstract is abstract or an interface; handlers must be in a concrete class the runtime"
                        + " can instantiate\n"
                        + "  - Abstract.handler is abstract; a handler needs a body");
    }
}
