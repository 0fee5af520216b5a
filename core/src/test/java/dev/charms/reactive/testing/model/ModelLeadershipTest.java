package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import org.junit.jupiter.api.Test;

class ModelLeadershipTest {

    static class LeadingCharm {
        @When("leadership.is_leader")
        void lead(Status status) {
            status.active("leading");
            status.application().active("led by a unit that leads");
        }

        @WhenNot("leadership.is_leader")
        void follow(Status status) {
            status.active("following");
        }
    }

    private static final Charm CHARM = Charm.of(LeadingCharm.class);

    private static String hooksAfter(Model model, int before) {
        return String.join(", ", model.timeline().subList(before, model.timeline().size()).stream()
                .map(r -> r.unit() + " " + r.hook()).toList());
    }

    @Test
    void killingTheLeaderElectsTheNextUnitAndTheOldLeaderLearnsItAtOnce() {
        Model model = new Model();
        model.deploy("app", CHARM, 3);
        int before = model.timeline().size();
        model.killLeader("app");

        assertThat(hooksAfter(model, before)).isEqualTo("app/1 leader-elected, app/0 leader-settings-changed");
        assertThat(model.leader("app")).contains("app/1");
        assertThat(model.unit("app/1").status()).isEqualTo(new StatusValue("active", "leading"));
        assertThat(model.unit("app/0").status()).isEqualTo(new StatusValue("active", "following"));
        assertThat(model.unit("app/0").flags()).doesNotContain("leadership.is_leader");
        assertThat(model.unit("app/1").flags()).contains("leadership.is_leader");
    }

    @Test
    void aSoleUnitWhoseLeaderIsKilledIsElectedAgain() {
        Model model = new Model();
        model.deploy("solo", CHARM, 1);
        int before = model.timeline().size();
        model.killLeader("solo");

        assertThat(hooksAfter(model, before)).isEqualTo("solo/0 leader-elected");
        assertThat(model.leader("solo")).contains("solo/0");
    }

    @Test
    void whileASeriesUpgradePinsLeadershipTheKilledLeaderKeepsItUntilCompletion() {
        Model model = new Model();
        model.deploy("app", CHARM, 2);
        model.prepareSeriesUpgrade("1", "ubuntu@24.04");
        int before = model.timeline().size();
        model.killLeader("app");

        assertThat(model.timeline()).hasSize(before);
        assertThat(model.leader("app")).contains("app/0");
        assertThatThrownBy(() -> model.killLeader("app")).isInstanceOf(IllegalStateException.class).hasMessage("the"
                + " leader of app, app/0, has already lost its lease; another unit is elected when the series upgrade"
                + " pinning its leadership completes");

        model.completeSeriesUpgrade("1");
        assertThat(hooksAfter(model, before)).isEqualTo(
                "app/1 post-series-upgrade, app/1 leader-elected, app/0 leader-settings-changed");
        assertThat(model.leader("app")).contains("app/1");
    }

    @Test
    void anApplicationWithoutUnitsHasNoLeaderToKill() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);
        model.removeUnit("app/0");

        assertThatThrownBy(() -> model.killLeader("app")).isInstanceOf(IllegalStateException.class)
                .hasMessage("application app has no leader: all its units are gone; add one with addUnit(\"app\")");
    }

    @Test
    void theApplicationStatusIsWhatTheLeaderSetIt() {
        Model model = new Model();
        model.deploy("app", CHARM, 2);

        assertThat(model.applicationStatus("app")).isEqualTo(new StatusValue("active", "led by a unit that leads"));
    }

    /** Runs hooks in-process; in start, does what a charm's open-port and application-version-set would. */
    private static final class WorkloadDriver implements HookDriver {
        private final HookDriver inProcess = HookDriver.inProcess();

        @Override
        public HookOutcome run(HookRequest request, InMemoryJujuBackend backend) {
            HookOutcome outcome = inProcess.run(request, backend);
            if (request.hook().equals("start")) {
                backend.openPort("8080");
                backend.openPort("53/udp");
                backend.applicationVersionSet("2.4." + request.unit().charAt(request.unit().length() - 1));
            } else if (request.hook().equals("stop")) {
                backend.closePort("8080");
            }
            return outcome;
        }
    }

    @Test
    void portsAndTheWorkloadVersionAreKeptPerUnitAcrossHooks() {
        Model model = new Model(new WorkloadDriver());
        model.deploy("app", CHARM, 2);
        model.updateStatus();

        assertThat(model.openedPorts("app/1")).containsExactly("53/udp", "8080/tcp");
        assertThat(model.workloadVersion("app/0")).contains("2.4.0");
        assertThat(model.workloadVersion("app/1")).contains("2.4.1");
        SimulatedUnit removed = model.unit("app/1");
        model.removeUnit("app/1");
        assertThat(removed.openedPorts()).containsExactly("53/udp");
        assertThat(removed.workloadVersion()).contains("2.4.1");
    }
}
