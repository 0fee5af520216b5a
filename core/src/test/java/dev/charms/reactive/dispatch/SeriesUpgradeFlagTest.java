package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import org.junit.jupiter.api.Test;

class SeriesUpgradeFlagTest {

    static class App {
        @When({"app.started", "upgrade.series.in-progress"})
        void pause(Flags flags) {
            flags.clear("app.started");
            flags.set("app.paused");
        }

        @When("app.paused")
        @WhenNot("upgrade.series.in-progress")
        void resume(Flags flags) {
            flags.clear("app.paused");
            flags.set("app.started");
        }
    }

    @Test
    void theFlagIsSetInPreAndClearedInPostSeriesUpgradeOnly() {
        Harness harness = Harness.of(App.class);
        Result pre = harness.flags("app.started").hook("pre-series-upgrade").run();
        assertThat(pre.invoked()).containsExactly("App.pause");
        assertThat(pre.flags()).containsExactly("app.paused", "upgrade.series.in-progress");

        Result meanwhile = harness.state(pre.state()).hook("update-status").run();
        assertThat(meanwhile.flags()).contains("upgrade.series.in-progress");

        Result post = harness.state(meanwhile.state()).hook("post-series-upgrade").run();
        assertThat(post.invoked()).containsExactly("App.resume");
        assertThat(post.flags()).containsExactly("app.started");
    }
}
