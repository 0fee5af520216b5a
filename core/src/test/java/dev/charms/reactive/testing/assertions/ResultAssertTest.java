package dev.charms.reactive.testing.assertions;

import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThat;
import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each check of {@link ResultAssert}, passing and failing, with the exact message a failure gives. */
class ResultAssertTest {

    static class Shop {
        @WhenNot("shop.installed")
        void install(Flags flags, Status status) {
            flags.set("shop.installed");
            flags.clear("shop.stale");
            status.active("open");
        }

        @When({"shop.installed", "config.changed"})
        void configure(Config config, Log log) {
            log.info("greeting is " + config.getString("greeting"));
        }

        @Action("count")
        void count(ActionContext action) {
            action.set("items", 3);
        }

        @Action("refuse")
        void refuse(ActionContext action) {
            action.fail("closed");
        }
    }

    private static final Harness SHOP = Harness.of(Shop.class)
            .configYaml("options: {greeting: {type: string, default: hello}}")
            .tracing(false);

    /** What every failure about the install below ends with: its trace, here without the tracer's lines. */
    private static final String TRACE = """


            Trace of install:
              Invoking reactive handler: Shop.install
              Invoking reactive handler: Shop.configure""";

    private final Result install = SHOP.flags("shop.stale").hook("install").run();

    @Test
    void handlersInvoked() {
        assertThat(install).invoked("Shop.configure").invokedInOrder("Shop.install", "Shop.configure")
                .didNotInvoke("Shop.count");

        assertThatThrownBy(() -> assertThat(install).invoked("Shop.configure", "Shop.start", "Shop.stop"))
                .isInstanceOf(AssertionError.class).hasMessage("""
                        Expecting install to have invoked:
                          [Shop.configure, Shop.start, Shop.stop]
                        but it did not invoke [Shop.start, Shop.stop]; it invoked:
                          [Shop.install, Shop.configure]""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).invokedInOrder("Shop.configure", "Shop.install"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("""
                        Expecting install to have invoked exactly, in order:
                          [Shop.configure, Shop.install]
                        but it invoked:
                          [Shop.install, Shop.configure]""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).didNotInvoke("Shop.count", "Shop.install")).hasMessage("""
                Expecting install not to have invoked:
                  [Shop.count, Shop.install]
                but it invoked [Shop.install]; it invoked:
                  [Shop.install, Shop.configure]""" + TRACE);
    }

    @Test
    void noHandlerInvoked() {
        Result tick = SHOP.state(install.state()).hook("update-status").run();

        assertThat(tick).invokedInOrder();
        assertThatThrownBy(() -> assertThat(tick).invoked("Shop.install")).hasMessage("""
                Expecting update-status to have invoked:
                  [Shop.install]
                but it did not invoke [Shop.install]; it invoked:
                  []

                Trace of update-status:
                  (none)""");
    }

    @Test
    void flags() {
        assertThat(install).hasFlags("shop.installed").doesNotHaveFlags("shop.stale")
                .setFlags("shop.installed").clearedFlags("shop.stale");

        assertThatThrownBy(() -> assertThat(install).hasFlags("shop.installed", "shop.open")).hasMessage("""
                Expecting the flags after install to include:
                  [shop.installed, shop.open]
                but these are not set: [shop.open]; the flags are:
                  [shop.installed]""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).doesNotHaveFlags("shop.installed")).hasMessage("""
                Expecting the flags after install not to include:
                  [shop.installed]
                but these are set: [shop.installed]; the flags are:
                  [shop.installed]""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).setFlags("shop.open", "shop.installed")).hasMessage("""
                Expecting install to have set exactly these flags (not set before it, set after):
                  [shop.installed, shop.open]
                but it set:
                  [shop.installed]""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).clearedFlags()).hasMessage("""
                Expecting install to have cleared exactly these flags (set before it, not after):
                  []
                but it cleared:
                  [shop.stale]""" + TRACE);
    }

    @Test
    void statuses() {
        assertThat(install).hasStatus("active", "open").hasStatus(new StatusValue("active", "open"))
                .hasApplicationStatus("unknown", "");

        assertThatThrownBy(() -> assertThat(install).hasStatus("blocked", "closed"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("""
                        Expecting the unit status after install to be:
                          blocked "closed"
                        but it is:
                          active "open\"""" + TRACE);
        assertThatThrownBy(() -> assertThat(install).hasApplicationStatus("active", "open")).hasMessage("""
                Expecting the application status after install to be:
                  active "open"
                but it is:
                  unknown \"\"""" + TRACE);
    }

    @Test
    void relationData() {
        Result joined = SHOP.relation(RelationState.of("db:0", "mysql").unit("mysql/0", Map.of())
                        .localUnitData(Map.of("shop", "main", "port", "80"))
                        .localAppData(Map.of("schema", "v1")))
                .flags("shop.installed").hook("db-relation-joined").run();

        assertThat(joined).hasRelationData("db:0", Map.of("port", "80"))
                .hasAppRelationData("db:0", Map.of("schema", "v1"));
        assertThatThrownBy(() -> assertThat(joined).hasRelationData("db:0", Map.of("port", "8080"))).hasMessage("""
                Expecting this unit's data in relation db:0 after db-relation-joined to include:
                  {port=8080}
                but it is:
                  {port=80, shop=main}

                Trace of db-relation-joined:
                  Invoking reactive handler: Shop.configure""");
        assertThatThrownBy(() -> assertThat(joined).hasAppRelationData("db:1", Map.of("schema", "v1"))).hasMessage("""
                Expecting this application's data in relation db:1 after db-relation-joined to include:
                  {schema=v1}
                but the harness has no relation db:1; declare it with Harness.relation(RelationState.of("db:1", ...))

                Trace of db-relation-joined:
                  Invoking reactive handler: Shop.configure""");
    }

    @Test
    void actions() {
        Result count = SHOP.flags("shop.installed").action("count", Map.of()).run();
        Result refuse = SHOP.flags("shop.installed").action("refuse", Map.of()).run();

        assertThat(count).actionCompleted().hasActionResults(Map.of("items", "3"));
        assertThat(refuse).actionFailed("closed");
        assertThatThrownBy(() -> assertThat(count).hasActionResults(Map.of("items", "4"))).hasMessage("""
                Expecting the results of action count to include:
                  {items=4}
                but they are:
                  {items=3}

                Trace of count:
                  Invoking reactive handler: Shop.count""");
        assertThatThrownBy(() -> assertThat(refuse).hasActionResults(Map.of("items", "3"))).hasMessage("""
                Expecting the results of action refuse to include:
                  {items=3}
                but they are:
                  {}
                (the action failed with: closed)

                Trace of refuse:
                  Invoking reactive handler: Shop.refuse""");
        assertThatThrownBy(() -> assertThat(refuse).actionCompleted()).hasMessage("""
                Expecting action refuse to have completed
                but it failed with:
                  closed

                Trace of refuse:
                  Invoking reactive handler: Shop.refuse""");
        assertThatThrownBy(() -> assertThat(refuse).actionFailed("open")).hasMessage("""
                Expecting action refuse to have failed with:
                  open
                but it failed with:
                  closed

                Trace of refuse:
                  Invoking reactive handler: Shop.refuse""");
        assertThatThrownBy(() -> assertThat(count).actionFailed("closed")).hasMessage("""
                Expecting action count to have failed with:
                  closed
                but it did not fail

                Trace of count:
                  Invoking reactive handler: Shop.count""");
    }

    @Test
    void logLines() {
        assertThat(install).logContains("greeting is hello");

        assertThatThrownBy(() -> assertThat(install).logContains("greeting is hi")).hasMessage("""
                Expecting a line of the log after install to contain:
                  "greeting is hi"
                but none does; the lines besides the trace are:
                  INFO: Reactive main running for hook install
                  INFO: greeting is hello""" + TRACE);
    }

    @Test
    void theTraceIsTheWholeDispatchWhenTracing() {
        Result traced = SHOP.tracing(true).state(install.state()).hook("update-status").run();

        assertThatThrownBy(() -> assertThat(traced).invoked("Shop.install")).hasMessage("""
                Expecting update-status to have invoked:
                  [Shop.install]
                but it did not invoke [Shop.install]; it invoked:
                  []

                Trace of update-status:
                  tracer: starting handler dispatch, 3 flags set
                  tracer: set flag config.default.greeting
                  tracer: set flag config.set.greeting
                  tracer: set flag shop.installed
                  tracer: hooks phase, 0 handlers queued
                  tracer: main dispatch loop, 0 handlers queued""");
    }

    @Test
    void aDescriptionGoesFirstAndAssertJsOwnAssertionsStillWork() {
        assertThatThrownBy(() -> assertThat(install).as("the first hook").setFlags())
                .hasMessageStartingWith("[the first hook] Expecting install to have set exactly these flags");
        assertThat(List.of("a")).containsExactly("a");
        assertThat(install.flags()).containsExactly("shop.installed");
    }
}
