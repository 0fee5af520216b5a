package dev.charms.reactive.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadershipFlagsTest {

    static class Observer {
        @When("leadership.is_leader")
        void leader() {
        }

        @When("leadership.changed.password")
        void passwordChanged() {
        }

        @When("leadership.set.password")
        void passwordSet() {
        }

        @When("leadership.changed")
        void anyChanged() {
        }
    }

    @Test
    void flagsFollowLeadershipAndSettingsAcrossHooks() {
        Harness harness = Harness.of(Observer.class).hook("leader-settings-changed");
        Result first = harness.leaderSettings(Map.of("password", "a")).run();
        assertThat(first.invoked()).containsExactly("Observer.passwordChanged", "Observer.passwordSet",
                "Observer.anyChanged");

        Result same = harness.state(first.state()).leaderSettings(Map.of("password", "a")).run();
        assertThat(same.invoked()).containsExactly("Observer.passwordSet");
        assertThat(same.flags()).containsExactly("leadership.set.password");

        Result deleted = harness.state(same.state()).leaderSettings(Map.of()).run();
        assertThat(deleted.invoked()).containsExactly("Observer.passwordChanged", "Observer.anyChanged");

        Result quiet = harness.state(deleted.state()).leaderSettings(Map.of()).leader(true).run();
        assertThat(quiet.invoked()).containsExactly("Observer.leader");
        assertThat(quiet.flags()).containsExactly("leadership.is_leader");
    }

    static class Writer {
        @When("leadership.is_leader")
        @WhenNot("leadership.set.password")
        void generate(Leadership leadership) {
            leadership.set("password", "s3cret");
            leadership.set("obsolete", null);
        }

        @When("leadership.changed.password")
        void seesOwnWrite(Leadership leadership) {
            assertThat(leadership.get("password")).contains("s3cret");
            assertThat(leadership.settings()).isEqualTo(Map.of("password", "s3cret", "other", "x"));
        }
    }

    @Test
    void theLeaderWritesSettingsAtCommitAndSeesThemAtOnce() {
        Result result = Harness.of(Writer.class).leader(true).leaderSettings(Map.of("obsolete", "y", "other", "x"))
                .hook("leader-elected").run();
        assertThat(result.invoked()).containsExactly("Writer.generate", "Writer.seesOwnWrite");
        Map<String, String> written = new HashMap<>();
        written.put("password", "s3cret");
        written.put("obsolete", null);
        assertThat(result.leaderSettingsWritten()).containsExactly(written);
        assertThat(result.leaderSettings()).isEqualTo(Map.of("password", "s3cret", "other", "x"));
        assertThat(result.calls().get(result.calls().size() - 1).tool()).isEqualTo("leader-set");

        Result next = Harness.of(Writer.class).leader(true).leaderSettings(result.leaderSettings())
                .state(result.state()).hook("update-status").run();
        assertThat(next.invoked()).isEmpty();
    }

    static class Follower {
        @Hook("config-changed")
        void write(Leadership leadership) {
            leadership.set("password", "x");
        }
    }

    @Test
    void aFollowerCannotWriteSettings() {
        Failure failure = Harness.of(Follower.class).hook("config-changed").runExpectingFailure();
        assertThat(failure.cause()).hasMessage("cannot set leader setting \"password\": this unit is not the leader. "
                + "Only the leader may write leader settings; guard the handler with @When(\"leadership.is_leader\")");
        assertThat(failure.calls()).noneMatch(c -> c.tool().equals("leader-set"));
        assertThat(List.of(failure.handler().orElseThrow())).containsExactly("Follower.write");
    }
}
