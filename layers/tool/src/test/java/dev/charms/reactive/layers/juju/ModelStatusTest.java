package dev.charms.reactive.layers.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.juju.ModelStatus.StatusInfo;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelStatusTest {
    /** Trimmed from Juju 3's `juju status --format=json`: a principal with a subordinate, and a machine. */
    private static final String STATUS = """
            {"model": {"name": "prod", "type": "iaas", "version": "3.6.4"},
             "machines": {"0": {"juju-status": {"current": "started"},
                                "base": {"name": "ubuntu", "channel": "22.04"},
                                "machine-status": {"current": "prepare completed",
                                                   "message": "waiting for completion command"}}},
             "applications": {
               "db": {"charm": "postgresql", "charm-name": "postgresql", "charm-channel": "14/stable",
                      "charm-rev": 420, "can-upgrade-to": "ch:amd64/postgresql-432", "version": "14.8",
                      "application-status": {"current": "active"},
                      "units": {"db/10": {"workload-status": {"current": "active"},
                                          "juju-status": {"current": "idle"}, "machine": "0",
                                          "workload-version": "14.8"},
                                "db/2": {"workload-status": {"current": "error", "message": "hook failed"},
                                         "juju-status": {"current": "idle"}, "leader": true, "machine": "0",
                                         "upgrading-from": "ch:amd64/postgresql-419",
                                         "subordinates": {"ntp/0": {"workload-status": {"current": "active"},
                                                                    "juju-status": {"current": "executing"}}}}}},
               "ntp": {"charm": "ntp", "charm-rev": 50, "subordinate-to": ["db"],
                       "application-status": {"current": "active"}}}}
            """;

    @Test
    void readsApplicationsUnitsSubordinatesAndMachines() {
        ModelStatus status = ModelStatus.parse(STATUS);

        assertThat(status.model()).isEqualTo("prod");
        ModelStatus.Application db = status.application("db");
        assertThat(db.charm()).isEqualTo("postgresql");
        assertThat(db.channel()).isEqualTo("14/stable");
        assertThat(db.revision()).isEqualTo(OptionalInt.of(420));
        assertThat(db.canUpgradeTo()).isEqualTo("ch:amd64/postgresql-432");
        assertThat(db.version()).isEqualTo("14.8");
        assertThat(db.units()).extracting(Unit::name).containsExactly("db/2", "db/10");
        Unit leader = db.leader().orElseThrow();
        assertThat(leader).isEqualTo(new Unit("db/2", new StatusInfo("error", "hook failed"),
                new StatusInfo("idle", ""), true, "0", "", Optional.of("ch:amd64/postgresql-419")));
        assertThat(leader.inError()).isTrue();
        assertThat(status.application("ntp").units()).singleElement().satisfies(sub -> {
            assertThat(sub.name()).isEqualTo("ntp/0");
            assertThat(sub.machine()).isEqualTo("0");
            assertThat(sub.idle()).isFalse();
        });
        assertThat(status.units()).extracting(Unit::name).containsExactly("db/2", "db/10", "ntp/0");
        assertThat(status.machines().get("0")).isEqualTo(new ModelStatus.Machine("0", "ubuntu@22.04",
                new StatusInfo("prepare completed", "waiting for completion command")));
    }

    @Test
    void anUnknownApplicationIsNamedWithTheOnesThereAre() {
        assertThatThrownBy(() -> ModelStatus.parse(STATUS).application("dbb"))
                .isInstanceOf(LayerToolException.class)
                .hasMessage("no application 'dbb' in model 'prod' (did you mean 'db'?); its applications: db, ntp");
    }

    @Test
    void outputThatIsNotJujuStatusSaysWhatIsMissing() {
        assertThatThrownBy(() -> ModelStatus.parse("ERROR no current model"))
                .isInstanceOf(LayerToolException.class)
                .hasMessageStartingWith("`juju status --format=json` did not print a JSON object: ");
        assertThatThrownBy(() -> ModelStatus.parse("{\"applications\": {}}"))
                .isInstanceOf(LayerToolException.class)
                .hasMessage("`juju status --format=json` printed no 'model' object");
        assertThatThrownBy(() -> ModelStatus.parse("""
                {"model": {"name": "m"}, "applications": {"a": {"units": {"a/0": {}}}}}"""))
                .isInstanceOf(LayerToolException.class)
                .hasMessage("`juju status --format=json`: applications.a.units.a/0 has no 'juju-status'");
    }
}
