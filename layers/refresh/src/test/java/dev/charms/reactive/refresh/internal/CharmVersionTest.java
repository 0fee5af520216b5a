package dev.charms.reactive.refresh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharmVersionTest {

    @Test
    void readsTrackAndSemanticVersion() {
        assertThat(CharmVersion.parse("16/1.19.0")).contains(new CharmVersion("16/1.19.0", "16", 1, 19, 0, true));
    }

    @Test
    void anySuffixMakesItUnreleased() {
        assertThat(CharmVersion.parse("1/1.2.0.dev3")).hasValueSatisfying(v -> assertThat(v.released()).isFalse());
        assertThat(CharmVersion.parse("1/1.2.0+g1a2b3c")).hasValueSatisfying(v -> assertThat(v.released()).isFalse());
        assertThat(CharmVersion.parse("1/1.2.0.post1")).hasValueSatisfying(v -> assertThat(v.released()).isFalse());
    }

    @Test
    void otherFormsAreNotVersions() {
        assertThat(CharmVersion.parse("1.2.0")).isEmpty();
        assertThat(CharmVersion.parse("1/1.2")).isEmpty();
        assertThat(CharmVersion.parse("latest/stable")).isEmpty();
        assertThat(CharmVersion.parse("1/ 1.2.0")).isEmpty();
    }

    @Test
    void ordersByMajorThenMinorThenPatch() {
        CharmVersion v120 = CharmVersion.parse("1/1.2.0").orElseThrow();
        assertThat(CharmVersion.parse("1/1.1.9").orElseThrow().isBefore(v120)).isTrue();
        assertThat(CharmVersion.parse("1/0.9.9").orElseThrow().isBefore(v120)).isTrue();
        assertThat(CharmVersion.parse("1/1.2.1").orElseThrow().isBefore(v120)).isFalse();
        assertThat(v120.isBefore(v120)).isFalse();
        assertThat(CharmVersion.parse("1/1.10.0").orElseThrow().isBefore(v120)).isFalse();
    }
}
