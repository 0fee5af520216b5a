package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelSeriesUpgradeTest {

    static class UpgradingCharm {
        @Hook("pre-series-upgrade")
        void pause(Status status) {
            status.blocked("ready for series upgrade");
        }

        @Hook("post-series-upgrade")
        void resume(Status status) {
            status.active("upgraded");
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
        model.prepareSeriesUpgrade(upgraded.machine());

        assertThat(upgraded.hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(upgraded.status()).isEqualTo(new StatusValue("blocked", "ready for series upgrade"));
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
        model.prepareSeriesUpgrade("1");
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
                + " series upgrade; its status is \"not started\"; run prepareSeriesUpgrade(\"0\") first");
        assertThatThrownBy(() -> model.prepareSeriesUpgrade("7")).hasMessage("units for machine \"7\" not found");
        model.prepareSeriesUpgrade("0");
        assertThatThrownBy(() -> model.prepareSeriesUpgrade("0")).hasMessageStartingWith(
                "machine 0 is already prepared for a series upgrade; its status is \"prepare completed\"");
        assertThatThrownBy(() -> model.removeUnit("app/0")).hasMessage(
                "cannot remove app/0 while machine 0 is in a series upgrade (prepare completed); complete it first");
    }
}
