package dev.charms.reactive.testing.assertions;

import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThat;
import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.model.ActionResult;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Each check of {@link UnitAssert}, {@link ModelAssert} and {@link ActionResultAssert}, passing and failing, with the
 * exact message a failure gives.
 */
class ModelAssertionsTest {

    static class Greeter {
        @WhenNot("greeter.installed")
        void install(Flags flags, Status status) {
            status.maintenance("installing");
            flags.set("greeter.installed");
        }

        @When({"greeter.installed", "config.changed"})
        void configure(Config config, Status status, Log log) {
            log.info("greeting is " + config.getString("greeting"));
            status.active("says " + config.getString("greeting"));
        }

        @When({"leadership.is_leader", "config.changed"})
        void announce(Config config, Status status) {
            status.application().active("greeting: " + config.getString("greeting"));
        }

        @Action("greet")
        void greet(ActionContext action, Config config) {
            action.log("greeting " + action.getString("name"));
            action.set("message", config.getString("greeting") + ", " + action.getString("name"));
        }

        @Action("refuse")
        void refuse(ActionContext action) {
            action.fail("not today");
        }
    }

    private static final Charm GREETER = Charm.of(Greeter.class)
            .configYaml("options: {greeting: {type: string, default: hello}}")
            .actionsYaml("greet: {params: {name: {type: string}}}\nrefuse: {}");

    /** The hooks of greeter/1, as a failure about that unit shows them. */
    private static final String HOOKS = """


            Hooks of unit greeter/1:
              5 greeter/1 install: Greeter.install, Greeter.configure; +greeter.installed; status active "says hello"
              6 greeter/1 leader-settings-changed: no handler
              7 greeter/1 config-changed: no handler
              8 greeter/1 start: no handler""";

    private Model model;

    @BeforeEach
    void deploy() {
        model = new Model();
        model.deploy("greeter", GREETER, 2);
    }

    @Test
    void aUnitsHooksHandlersFlagsStatusAndLog() {
        assertThat(model.unit("greeter/1"))
                .ranHooks("install", "leader-settings-changed", "config-changed", "start")
                .invoked("Greeter.configure").invokedInOrder("Greeter.install", "Greeter.configure")
                .didNotInvoke("Greeter.announce")
                .hasFlags("greeter.installed").doesNotHaveFlags("leadership.is_leader")
                .hasStatus("active", "says hello")
                .logContains("greeting is hello");

        assertThatThrownBy(() -> assertThat(model.unit("greeter/1")).ranHooks("install", "start"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("""
                        Expecting unit greeter/1 to have run exactly these hooks, in order:
                          [install, start]
                        but it ran:
                          [install, leader-settings-changed, config-changed, start]""" + HOOKS);
        assertThatThrownBy(() -> assertThat(model.unit("greeter/1")).invoked("Greeter.announce")).hasMessage("""
                Expecting unit greeter/1 to have invoked:
                  [Greeter.announce]
                but it did not invoke [Greeter.announce]; it invoked:
                  [Greeter.install, Greeter.configure]""" + HOOKS);
        assertThatThrownBy(() -> assertThat(model.unit("greeter/1")).hasFlags("leadership.is_leader")).hasMessage("""
                Expecting the flags of unit greeter/1 to include:
                  [leadership.is_leader]
                but these are not set: [leadership.is_leader]; the flags are:
                  [greeter.installed]""" + HOOKS);
        assertThatThrownBy(() -> assertThat(model.unit("greeter/1")).hasStatus("blocked", "")).hasMessage("""
                Expecting the unit status of unit greeter/1 to be:
                  blocked ""
                but it is:
                  active "says hello\"""" + HOOKS);
    }

    @Test
    void theModelsUnitsLeadersAndApplicationStatus() {
        model.config("greeter", "greeting", "hi");

        assertThat(model).hasLeader("greeter", "greeter/0").hasApplicationStatus("greeter", "active", "greeting: hi")
                .unit("greeter/0").invoked("Greeter.announce");

        String timeline = """


                Timeline:
                  1 greeter/0 install: Greeter.install, Greeter.announce, Greeter.configure; +greeter.installed; \
                +leadership.is_leader; status active "says hello"
                  2 greeter/0 leader-elected: no handler
                  3 greeter/0 config-changed: no handler
                  4 greeter/0 start: no handler
                  5 greeter/1 install: Greeter.install, Greeter.configure; +greeter.installed; status active "says hello"
                  6 greeter/1 leader-settings-changed: no handler
                  7 greeter/1 config-changed: no handler
                  8 greeter/1 start: no handler
                  9 greeter/0 config-changed: Greeter.configure, Greeter.announce; status active "says hi"
                  10 greeter/1 config-changed: Greeter.configure; status active "says hi\"""";
        assertThatThrownBy(() -> assertThat(model).hasLeader("greeter", "greeter/1")).hasMessage("""
                Expecting the leader of greeter to be greeter/1
                but it is greeter/0""" + timeline);
        assertThatThrownBy(() -> assertThat(model).hasApplicationStatus("greeter", "active", "greeting: hello"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("""
                        Expecting the status of application greeter to be:
                          active "greeting: hello"
                        but it is:
                          active "greeting: hi\"""" + timeline);
        assertThatThrownBy(() -> assertThat(model).unit("greeter/2")).hasMessage("""
                Expecting the model to have unit greeter/2
                but its units are:
                  [greeter/0, greeter/1]""" + timeline);
        assertThatThrownBy(() -> assertThat(model).hasLeader("web", "web/0")).hasMessage("""
                Expecting the leader of web to be web/0
                but application web is not deployed; deployed: [greeter]""" + timeline);
        assertThatThrownBy(() -> assertThat(model).hasRelationData("greeter", "proxy", "greeter/0", Map.of()))
                .hasMessageStartingWith("""
                        Expecting the data greeter/0 published in the relation of greeter and proxy to include:
                          {}
                        but application proxy is not deployed; deployed: [greeter]""");
    }

    @Test
    void actionResults() {
        ActionResult greeted = model.runAction("greeter/0", "greet", Map.of("name", "Ann"));
        ActionResult refused = model.runAction("greeter/0", "refuse", Map.of());

        assertThat(greeted).completed().hasResults(Map.of("message", "hello, Ann")).logContains("greeting Ann");
        assertThat(refused).failed("not today");

        String greetedBlock = """


                The action:
                  status   completed
                  results  {message=hello, Ann}
                  failure  (none)
                  log      [greeting Ann]""";
        String refusedBlock = """


                The action:
                  status   failed
                  results  {}
                  failure  not today
                  log      []""";
        assertThatThrownBy(() -> assertThat(greeted).failed("not today")).hasMessage("""
                Expecting the action to have failed with:
                  not today
                but it completed""" + greetedBlock);
        assertThatThrownBy(() -> assertThat(refused).failed("no")).hasMessage("""
                Expecting the action to have failed with:
                  no
                but it failed with:
                  not today""" + refusedBlock);
        assertThatThrownBy(() -> assertThat(refused).completed()).hasMessage("""
                Expecting the action to have completed
                but it failed with:
                  not today""" + refusedBlock);
        assertThatThrownBy(() -> assertThat(greeted).hasResults(Map.of("message", "hi, Ann"))).hasMessage("""
                Expecting the results of the action to include:
                  {message=hi, Ann}
                but they are:
                  {message=hello, Ann}""" + greetedBlock);
        assertThatThrownBy(() -> assertThat(greeted).logContains("Bob")).hasMessage("""
                Expecting an action-log line of the action to contain:
                  "Bob"
                but none does""" + greetedBlock);
    }
}
