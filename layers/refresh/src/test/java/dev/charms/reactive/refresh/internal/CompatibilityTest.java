package dev.charms.reactive.refresh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.refresh.RefreshWorkload;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompatibilityTest {
    private static final Originals FROM = new Originals(CharmCode.of("1/1.2.0", 7), "3.4.1");

    private static Compatibility to(String charmVersion, String workloadVersion) {
        return Compatibility.of(Optional.of(FROM), CharmCode.of(charmVersion, 8), workloadVersion,
                RefreshWorkload::minorUpgrade);
    }

    @Test
    void aMinorUpgradeOfCharmAndWorkloadIsCompatible() {
        assertThat(to("1/1.3.0", "3.5.0")).isEqualTo(Compatibility.yes());
        assertThat(to("1/1.2.1", "3.4.2")).isEqualTo(Compatibility.yes());
    }

    @Test
    void theSameVersionsAreCompatibleSoThatARollbackPasses() {
        assertThat(to("1/1.2.0", "3.4.1").compatible()).isTrue();
    }

    @Test
    void aCharmDowngradeIsIncompatible() {
        assertThat(to("1/1.1.9", "3.4.1")).isEqualTo(Compatibility.no(
                "charm version 1/1.1.9 is older than 1/1.2.0 (a downgrade)"));
    }

    @Test
    void aCharmMajorOrTrackChangeIsIncompatible() {
        assertThat(to("1/2.0.0", "3.4.1").reason()).isEqualTo("charm major version changes from 1 to 2");
        assertThat(to("2/1.3.0", "3.4.1").reason()).isEqualTo("charm track changes from 1 to 2");
    }

    @Test
    void anUnreleasedCharmOnEitherSideIsIncompatible() {
        assertThat(to("1/1.3.0.dev1", "3.5.0").reason())
                .isEqualTo("charm version 1/1.3.0.dev1 is not a released version (it has a development or local suffix)");
        Compatibility fromLocal = Compatibility.of(Optional.of(new Originals(CharmCode.of("1/1.2.0+local"), "3.4.1")),
                CharmCode.of("1/1.3.0"), "3.5.0", RefreshWorkload::minorUpgrade);
        assertThat(fromLocal.reason()).startsWith("charm version 1/1.2.0+local is not a released version");
    }

    @Test
    void aWorkloadMajorChangeOrDowngradeIsIncompatibleByDefault() {
        assertThat(to("1/1.3.0", "4.0.0").reason())
                .isEqualTo("the charm does not support refreshing its workload from 3.4.1 to 4.0.0");
        assertThat(to("1/1.3.0", "3.3.0").compatible()).isFalse();
    }

    @Test
    void theCharmsOwnWorkloadRuleDecides() {
        Compatibility anything = Compatibility.of(Optional.of(FROM), CharmCode.of("1/1.3.0"), "9.0",
                (from, to) -> true);
        assertThat(anything.compatible()).isTrue();
    }

    @Test
    void unreadableVersionsOrNoOriginalsAreIncompatible() {
        assertThat(to("main", "3.5.0").reason())
                .isEqualTo("charm version main is not of the form <track>/<major>.<minor>.<patch>");
        assertThat(Compatibility.of(Optional.empty(), CharmCode.of("1/1.3.0"), "3.5.0", (a, b) -> true).reason())
                .startsWith("the versions before the refresh are not known");
    }
}
