package dev.charms.reactive.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.Hook;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import org.junit.jupiter.api.Test;

class StatusTest {

    static class Installer {
        @Hook("install")
        void install(Status status) {
            status.maintenance("installing");
            status.maintenance("installing");
            status.active("ready");
            status.active("ready");
        }
    }

    @Test
    void unchangedStatusesAreNotSentAgain() {
        Result result = Harness.of(Installer.class).hook("install").run();
        assertThat(result.unitStatusHistory()).containsExactly(new StatusValue("unknown", ""),
                new StatusValue("maintenance", "installing"), new StatusValue("active", "ready"));
        assertThat(result.calls()).filteredOn(c -> c.tool().equals("status-get")).hasSize(1);
    }

    @Test
    void aStatusEqualToTheCurrentOneIsSkipped() {
        Result result = Harness.of(Installer.class).unitStatus(new StatusValue("maintenance", "installing"))
                .hook("install").run();
        assertThat(result.unitStatusHistory()).containsExactly(new StatusValue("maintenance", "installing"),
                new StatusValue("active", "ready"));
    }

    static class AppStatus {
        @Hook("update-status")
        void set(Status status) {
            status.application().blocked("needs a database");
        }
    }

    @Test
    void onlyTheLeaderSetsTheApplicationStatus() {
        Result leader = Harness.of(AppStatus.class).leader(true).hook("update-status").run();
        assertThat(leader.applicationStatus()).isEqualTo(new StatusValue("blocked", "needs a database"));
        assertThat(leader.unitStatus()).isEqualTo(new StatusValue("unknown", ""));

        Failure follower = Harness.of(AppStatus.class).hook("update-status").runExpectingFailure();
        assertThat(follower.cause()).hasMessageStartingWith(
                "cannot set the application status to blocked \"needs a database\": this unit is not the leader.");
        assertThat(follower.calls()).noneMatch(c -> c.tool().equals("status-set"));
    }
}
