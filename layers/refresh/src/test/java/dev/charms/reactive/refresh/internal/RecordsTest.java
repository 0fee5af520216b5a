package dev.charms.reactive.refresh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UnitRecord}, {@link Originals}, {@link CharmCode}, {@link RollbackCommand}, {@link DeployedCharm}. */
class RecordsTest {

    @Test
    void aUnitRecordRoundTripsThroughRelationData() {
        UnitRecord record = new UnitRecord(CharmCode.of("1/1.2.0", 7), Optional.of("3.4.1"), Optional.of("3.4.1"),
                Optional.of("1/1.2.0@7"));
        assertThat(record.toData()).containsExactly(Map.entry("charm-version", "1/1.2.0"),
                Map.entry("charm-revision", "7"), Map.entry("workload-version", "3.4.1"),
                Map.entry("healthy-workload-version", "3.4.1"), Map.entry("refresh-started-for", "1/1.2.0@7"));
        assertThat(UnitRecord.from("kv/0", record.toData())).contains(record);
    }

    @Test
    void absentValuesArePublishedAsDeletions() {
        UnitRecord bare = new UnitRecord(CharmCode.of("1/1.2.0"), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(bare.toData()).containsEntry("charm-version", "1/1.2.0").containsEntry("charm-revision", null)
                .containsEntry("workload-version", null).containsEntry("refresh-started-for", null);
        assertThat(UnitRecord.from("kv/0", Map.of("charm-version", "1/1.2.0"))).contains(bare);
    }

    @Test
    void aUnitThatPublishedNoCharmVersionIsNotKnown() {
        assertThat(UnitRecord.from("kv/1", Map.of())).isEmpty();
        assertThat(UnitRecord.from("kv/1", Map.of("workload-version", "3.4.1"))).isEmpty();
    }

    @Test
    void aBadRevisionNamesTheUnit() {
        assertThatThrownBy(() -> UnitRecord.from("kv/1", Map.of("charm-version", "1/1.2.0", "charm-revision", "x")))
                .hasMessage("unit kv/1 published the charm revision \"x\" in the refresh peer relation, which is not"
                        + " a number");
    }

    @Test
    void theHealthyVersionCountsOnlyForTheInstalledVersion() {
        UnitRecord record = new UnitRecord(CharmCode.of("1/1.2.0"), Optional.of("3.4.1"), Optional.of("3.4.1"),
                Optional.empty());
        assertThat(record.healthyOnInstalled()).isTrue();
        assertThat(record.withWorkloadVersion(Optional.of("3.5.0")).healthyOnInstalled()).isFalse();
        assertThat(record.withWorkloadVersion(Optional.empty()).healthyOnInstalled()).isFalse();
    }

    @Test
    void originalsRoundTripAndAreAbsentUntilWritten() {
        Originals originals = new Originals(CharmCode.of("1/1.2.0", 7), "3.4.1");
        assertThat(Originals.from(originals.toData())).contains(originals);
        assertThat(Originals.from(Map.of())).isEmpty();
        assertThat(Originals.from(Map.of("original-charm-version", "1/1.2.0"))).isEmpty();
    }

    @Test
    void theCharmCodeIsNamedByVersionAndRevision() {
        assertThat(CharmCode.of("1/1.2.0", 7).identity()).isEqualTo("1/1.2.0@7");
        assertThat(CharmCode.of("1/1.2.0").identity()).isEqualTo("1/1.2.0");
        assertThat(CharmCode.of("1/1.2.0", 7).describe()).isEqualTo("Charm revision 7");
        assertThat(CharmCode.of("1/1.2.0").describe()).isEqualTo("Charm version 1/1.2.0");
        assertThat(CharmCode.of("1/1.2.0", 7)).isNotEqualTo(CharmCode.of("1/1.2.0", 8));
    }

    @Test
    void theRollbackCommandNamesTheRevisionWhenKnown() {
        RollbackCommand known = RollbackCommand.to("kv", CharmCode.of("1/1.2.0", 7));
        assertThat(known.full()).isEqualTo("juju refresh kv --revision 7");
        assertThat(known.inStatus()).isEqualTo("juju refresh --revision 7");
        RollbackCommand unknown = new RollbackCommand("kv", OptionalInt.empty());
        assertThat(unknown.full()).isEqualTo("juju refresh kv");
        assertThat(unknown.inStatus()).isEqualTo("juju refresh");
    }

    @Test
    void theDeployedRevisionIsTheNumberEndingTheCharmUrl() {
        assertThat(DeployedCharm.revision("ch:amd64/jammy/postgresql-602\n")).hasValue(602);
        assertThat(DeployedCharm.revision("local:jammy/kv-store-3")).hasValue(3);
        assertThat(DeployedCharm.revision("local:jammy/kv-store")).isEmpty();
    }

    @Test
    void noRecordOfTheDeployedCharmMeansNoRevision(@TempDir Path dir) throws IOException {
        assertThat(DeployedCharm.revisionIn(dir)).isEmpty();
        Files.writeString(dir.resolve(".juju-charm"), "ch:amd64/jammy/kv-store-12");
        assertThat(DeployedCharm.revisionIn(dir)).hasValue(12);
    }
}
