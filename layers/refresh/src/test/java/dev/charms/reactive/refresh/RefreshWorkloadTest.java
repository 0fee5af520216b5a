package dev.charms.reactive.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The charm-facing values: {@link RefreshWorkload#minorUpgrade}, {@link CharmRelease}, {@link Health}. */
class RefreshWorkloadTest {

    @Test
    void aMinorUpgradeKeepsTheMajorVersionAndDoesNotLowerTheMinor() {
        assertThat(RefreshWorkload.minorUpgrade("3.4.1", "3.5.0")).isTrue();
        assertThat(RefreshWorkload.minorUpgrade("3.4.1", "3.4.0")).isTrue();
        assertThat(RefreshWorkload.minorUpgrade("3.4", "3.4")).isTrue();
        assertThat(RefreshWorkload.minorUpgrade("3.4.1", "3.3.9")).isFalse();
        assertThat(RefreshWorkload.minorUpgrade("3.4.1", "4.0.0")).isFalse();
        assertThat(RefreshWorkload.minorUpgrade("3.4.1", "latest")).isFalse();
        assertThat(RefreshWorkload.minorUpgrade("03.4", "3.5")).isTrue();
    }

    @Test
    void aReleaseRefusesBlankValuesAndWorkloadTextsTooLongForAStatus() {
        assertThatThrownBy(() -> new CharmRelease("kv", " ", "kv", "1.0")).hasMessage(
                "charmVersion of a CharmRelease cannot be blank");
        String name = "w".repeat(40);
        assertThatThrownBy(() -> new CharmRelease("kv", "1/1.0.0", name, "1.0.0")).hasMessage("\"" + name
                + " 1.0.0\" is 46 characters; statuses have room for 43: shorten the workload name");
    }

    @Test
    void anUnhealthyWorkloadSaysWhatIsWrong() {
        assertThat(Health.healthy().isHealthy()).isTrue();
        assertThat(Health.healthy().problem()).isEmpty();
        assertThat(Health.unhealthy("kv-store is down").problem()).contains("kv-store is down");
        assertThatThrownBy(() -> Health.unhealthy(" ")).hasMessageStartingWith("say what is wrong");
        assertThatThrownBy(() -> new PrecheckFailed("")).hasMessage("say why the pre-refresh check failed");
    }
}
