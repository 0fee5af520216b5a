package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelSeriesUpgradeTest {

    static class UpgradingCharm {
        @Hook("pre-series-upgrade")
        void pause(Status status, HookEnvironment hook) {
            status.blocked("ready for series upgrade to " + hook.targetBase().orElse("?"));
        }

        @Hook("post-series-upgrade")
        void resume(Status status, HookEnvironment hook) {
            status.active("upgraded" + hook.targetBase().map(base -> " to " + base).orElse(""));
        }

        @When("config.changed")
        void configure(Config config, Status status) {
            status.active("mode " + config.getString("mode"));
        }
    }

    private static final Charm CHARM = Charm.of(UpgradingCharm.class)
            .configYaml("options: {mode: {type: string, default: a}}");

    @Test
    void prepareRunsPreSeriesUpgradeAndHoldsHooksUntilCompleteRunsPostSeriesUpgradeThenThem() {
        Model model = new Model();
        model.deploy("app", CHARM, 2);
        SimulatedUnit upgraded = model.unit("app/1");
        model.prepareSeriesUpgrade(upgraded.machine(), "ubuntu@24.04");

        assertThat(upgraded.hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(upgraded.status()).isEqualTo(new StatusValue("blocked", "ready for series upgrade to ubuntu@24.04"));
        assertThat(model.seriesUpgradeStatus("1")).isEqualTo(SeriesUpgradeStatus.PREPARE_COMPLETED);

        model.config("app", "mode", "b");
        model.config("app", "mode", "c");
        model.updateStatus();
        assertThat(upgraded.hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(model.unit("app/0").status()).isEqualTo(new StatusValue("active", "mode c"));

        int before = upgraded.hooks().size();
        model.completeSeriesUpgrade("1");
        assertThat(upgraded.hookNames().subList(before, upgraded.hooks().size()))
                .containsExactly("post-series-upgrade", "config-changed", "update-status");
        assertThat(upgraded.statusHistory()).contains(new StatusValue("active", "upgraded"));
        assertThat(upgraded.status()).isEqualTo(new StatusValue("active", "mode c"));
        assertThat(model.seriesUpgradeHistory("1")).containsExactly(SeriesUpgradeStatus.PREPARE_STARTED,
                SeriesUpgradeStatus.PREPARE_RUNNING, SeriesUpgradeStatus.PREPARE_COMPLETED,
                SeriesUpgradeStatus.COMPLETE_STARTED, SeriesUpgradeStatus.COMPLETE_RUNNING,
                SeriesUpgradeStatus.COMPLETED, SeriesUpgradeStatus.NOT_STARTED);
    }

    @Test
    void aLeaderRemovedElsewhereIsReplacedOnlyAfterCompletion() {
        Model model = new Model();
        model.deploy("app", CHARM, 2);
        model.prepareSeriesUpgrade("1", "ubuntu@24.04");
        model.removeUnit("app/0");

        assertThat(model.leader("app")).isEmpty();
        model.completeSeriesUpgrade("1");
        assertThat(model.leader("app")).contains("app/1");
        assertThat(model.unit("app/1").hookNames()).last().isEqualTo("leader-elected");
    }

    @Test
    void operationsRefusedInAStateSayWhy() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);

        assertThatThrownBy(() -> model.completeSeriesUpgrade("0")).hasMessage("machine 0 has not been prepared for a"
                + " series upgrade; its status is \"not started\"; run prepareSeriesUpgrade(\"0\", base) first");
        assertThatThrownBy(() -> model.prepareSeriesUpgrade("7", "ubuntu@24.04"))
                .hasMessage("units for machine \"7\" not found");
        assertThatThrownBy(() -> model.prepareSeriesUpgrade("0", "noble")).hasMessage(
                "cannot prepare machine 0 for base \"noble\": a base is <os>@<channel>, such as ubuntu@24.04");
        assertThat(model.seriesUpgradeStatus("0")).isEqualTo(SeriesUpgradeStatus.NOT_STARTED);
        model.prepareSeriesUpgrade("0", "ubuntu@24.04");
        assertThatThrownBy(() -> model.prepareSeriesUpgrade("0", "ubuntu@24.04")).hasMessageStartingWith(
                "machine 0 is already prepared for a series upgrade; its status is \"prepare completed\"");
        assertThatThrownBy(() -> model.removeUnit("app/0")).hasMessage(
                "cannot remove app/0 while machine 0 is in a series upgrade (prepare completed); complete it first");
    }
}
