package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelTest {

    static class HelloCharm {
        @WhenNot({"hello.installed", "hello.stopped"})
        void install(Flags flags, Status status) {
            status.maintenance("installing");
            flags.set("hello.installed");
        }

        @When({"hello.installed", "config.changed"})
        void configure(Config config, Status status) {
            status.active("greeting is " + config.getString("greeting"));
        }

        @Hook("stop")
        void stop(Flags flags, Log log) {
            log.info("stopping");
            flags.clear("hello.installed");
            flags.set("hello.stopped");
        }

        @Hook("update-status")
        void tick(Status status) {
            status.active("still here");
        }
    }

    private static final Charm HELLO = Charm.of(HelloCharm.class)
            .configYaml("options: {greeting: {type: string, default: hello}}");

    @Test
    void deployRunsTheLeaderThroughLeaderElectedAndTheOthersThroughLeaderSettingsChanged() {
        Model model = new Model();
        model.deploy("hello", HELLO, 2);

        assertThat(model.unit("hello/0").hookNames())
                .containsExactly("install", "leader-elected", "config-changed", "start");
        assertThat(model.unit("hello/1").hookNames())
                .containsExactly("install", "leader-settings-changed", "config-changed", "start");
        assertThat(model.leader("hello")).contains("hello/0");
        assertThat(model.timeline()).extracting(HookRun::unit)
                .containsExactly("hello/0", "hello/0", "hello/0", "hello/0", "hello/1", "hello/1", "hello/1", "hello/1");
        assertThat(model.unit("hello/0").machine()).isEqualTo("0");
        assertThat(model.unit("hello/1").machine()).isEqualTo("1");
    }

    @Test
    void eachUnitKeepsItsOwnStateAcrossHooks() {
        Model model = new Model();
        model.deploy("hello", HELLO, 1);
        SimulatedUnit unit = model.unit("hello/0");

        assertThat(unit.invoked()).containsExactly("HelloCharm.install", "HelloCharm.configure");
        assertThat(unit.flags()).contains("hello.installed");
        assertThat(unit.statusHistory()).containsExactly(new StatusValue("unknown", ""),
                new StatusValue("maintenance", "installing"), new StatusValue("active", "greeting is hello"));
    }

    @Test
    void aConfigChangeReachesEveryUnitWithTheNewValue() {
        Model model = new Model();
        model.deploy("hello", HELLO, 3);
        model.config("hello", "greeting", "hi");

        assertThat(model.units()).allSatisfy(u -> {
            assertThat(u.hookNames()).last().isEqualTo("config-changed");
            assertThat(u.hooks().get(u.hooks().size() - 1).invoked()).containsExactly("HelloCharm.configure");
            assertThat(u.status()).isEqualTo(new StatusValue("active", "greeting is hi"));
        });

        model.config("hello", "greeting", null);
        assertThat(model.unit("hello/2").status()).isEqualTo(new StatusValue("active", "greeting is hello"));
    }

    @Test
    void anUndeclaredOptionIsRefusedWithTheDeclaredOnes() {
        Model model = new Model();
        model.deploy("hello", HELLO, 1);

        assertThatThrownBy(() -> model.config("hello", "greting", "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("application hello has no config option 'greting'; its config.yaml declares [greeting]");
    }

    @Test
    void updateStatusRunsOnEveryUnit() {
        Model model = new Model();
        model.deploy("hello", HELLO, 2);
        model.updateStatus();

        assertThat(model.units()).allSatisfy(u -> {
            assertThat(u.hookNames()).last().isEqualTo("update-status");
            assertThat(u.status()).isEqualTo(new StatusValue("active", "still here"));
        });
    }

    @Test
    void removingAUnitRunsStopThenRemoveAndAddingOneJoinsAsFollower() {
        Model model = new Model();
        model.deploy("hello", HELLO, 2);
        SimulatedUnit removed = model.unit("hello/1");
        model.removeUnit("hello/1");

        assertThat(removed.hookNames()).endsWith("stop", "remove");
        assertThat(removed.hooks().get(4).invoked()).containsExactly("HelloCharm.stop");
        assertThat(removed.flags()).containsExactly("hello.stopped");
        assertThat(model.units()).extracting(SimulatedUnit::name).containsExactly("hello/0");

        SimulatedUnit added = model.addUnit("hello");
        assertThat(added.name()).isEqualTo("hello/2");
        assertThat(added.machine()).isEqualTo("2");
        assertThat(added.hookNames()).containsExactly("install", "leader-settings-changed", "config-changed", "start");
    }

    static class LeaderCharm {
        @When("leadership.is_leader")
        @WhenNot("leadership.set.token")
        void publish(Leadership leadership) {
            leadership.set("token", "t-1");
        }

        @When("leadership.changed.token")
        void follow(Status status, Leadership leadership) {
            status.active("token " + leadership.get("token").orElse("none"));
        }
    }

    @Test
    void removingTheLeaderElectsTheNextUnitAndLeaderSettingsReachFollowers() {
        Model model = new Model();
        model.deploy("lead", Charm.of(LeaderCharm.class), 3);

        assertThat(model.leaderSettings("lead")).containsEntry("token", "t-1");
        assertThat(model.unit("lead/1").status()).isEqualTo(new StatusValue("active", "token t-1"));

        model.removeUnit("lead/0");
        assertThat(model.leader("lead")).contains("lead/1");
        assertThat(model.unit("lead/1").hookNames()).last().isEqualTo("leader-elected");
        assertThat(model.unit("lead/2").hookNames()).doesNotContain("leader-elected");
    }

    static class TokenCharm {
        @When({"leadership.is_leader", "config.changed.token"})
        void share(Config config, Leadership leadership) {
            leadership.set("token", config.getString("token"));
        }
    }

    @Test
    void leaderSettingsWrittenByTheLeaderRunLeaderSettingsChangedOnTheOthers() {
        Model model = new Model();
        model.deploy("token", Charm.of(TokenCharm.class).configYaml("options: {token: {type: string, default: a}}"), 2);
        int before = model.timeline().size();
        model.config("token", "token", "b");

        assertThat(model.timeline().subList(before, model.timeline().size()))
                .extracting(r -> r.unit() + " " + r.hook())
                .containsExactly("token/0 config-changed", "token/1 config-changed", "token/1 leader-settings-changed");
        assertThat(model.leaderSettings("token")).containsEntry("token", "b");
    }

    @Test
    void theTimelineTellsEachHookWithHandlersPersistentFlagChangesAndTheStatusWhenItChanged() {
        Model model = new Model();
        model.deploy("hello", HELLO, 1);
        model.config("hello", "greeting", "hi");

        assertThat(model.timelineText()).isEqualTo("""
                1 hello/0 install: HelloCharm.install, HelloCharm.configure; +hello.installed; status active "greeting is hello"
                2 hello/0 leader-elected: no handler
                3 hello/0 config-changed: no handler
                4 hello/0 start: no handler
                5 hello/0 config-changed: HelloCharm.configure; status active "greeting is hi"
                """);
    }

    @Test
    void operationsOnUnknownApplicationsOrUnitsSayWhatThereIs() {
        Model model = new Model();
        model.deploy("hello", HELLO, 1);

        assertThatThrownBy(() -> model.addUnit("helo")).hasMessage("application helo is not deployed; deployed: [hello]");
        assertThatThrownBy(() -> model.removeUnit("hello/5")).hasMessage("no unit hello/5 in the model; its units are [hello/0]");
        assertThatThrownBy(() -> model.deploy("hello", HELLO, 1)).hasMessageContaining("already deployed");
    }

    static class Broken {
        @Hook("start")
        void fail() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aFailedHookNamesTheUnitAndHook() {
        Model model = new Model();
        assertThatThrownBy(() -> model.deploy("broken", Charm.of(Broken.class), 1))
                .isInstanceOf(ModelHookFailed.class)
                .hasMessageStartingWith("hook start failed on unit broken/0: ")
                .hasRootCauseMessage("boom");
        assertThat(model.timeline()).extracting(HookRun::hook).containsExactly("install", "leader-elected", "config-changed");
    }
}
