package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelSubordinateTest {

    static class Principal {
        @WhenNot("principal.installed")
        void install(Flags flags, Status status) {
            status.active("serving");
            flags.set("principal.installed");
        }
    }

    static class Monitor {
        @Hook("host-relation-joined")
        void attached(HookEnvironment hook, Status status) {
            status.active("monitoring " + hook.principalUnit().orElseThrow());
        }

        @Hook("pre-series-upgrade")
        void pause(Status status) {
            status.blocked("paused for the series upgrade");
        }
    }

    private static final Charm APP = Charm.of(Principal.class).metadataYaml("name: app");
    private static final Charm MONITOR = Charm.of(Monitor.class).metadataYaml("""
            name: monitor
            subordinate: true
            requires:
              host: {interface: juju-info, scope: container}
            """);

    /** Two units of app, with monitor attached to each over app's implicit juju-info endpoint. */
    private static Model monitored(RecordingDriver driver) {
        Model model = new Model(driver);
        model.deploy("app", APP, 2);
        model.deploy("monitor", MONITOR, 0);
        model.relate("app:juju-info", "monitor:host");
        return model;
    }

    @Test
    void relatingASubordinateGivesEachPrincipalUnitOneOnItsMachineThatJoinsOnlyIt() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("app", APP, 2);
        model.deploy("monitor", MONITOR, 0);
        assertThat(model.applications()).as("a subordinate without units too").containsExactly("app", "monitor");
        int before = driver.count();
        model.relate("app:juju-info", "monitor:host");

        assertThat(driver.describe(before)).containsExactly(
                "app/0 juju-info-relation-created app=monitor",
                "app/1 juju-info-relation-created app=monitor",
                "monitor/0 install",
                "monitor/0 host-relation-created app=app",
                "monitor/0 leader-elected",
                "monitor/0 config-changed",
                "monitor/0 start",
                "monitor/0 host-relation-joined remote=app/0 app=app",
                "monitor/0 host-relation-changed remote=app/0 app=app",
                "app/0 juju-info-relation-joined remote=monitor/0 app=monitor",
                "app/0 juju-info-relation-changed remote=monitor/0 app=monitor",
                "monitor/1 install",
                "monitor/1 host-relation-created app=app",
                "monitor/1 leader-settings-changed",
                "monitor/1 config-changed",
                "monitor/1 start",
                "monitor/1 host-relation-joined remote=app/1 app=app",
                "monitor/1 host-relation-changed remote=app/1 app=app",
                "app/1 juju-info-relation-joined remote=monitor/1 app=monitor",
                "app/1 juju-info-relation-changed remote=monitor/1 app=monitor");
        SimulatedUnit monitor1 = model.unit("monitor/1");
        assertThat(monitor1.machine()).isEqualTo(model.unit("app/1").machine());
        assertThat(monitor1.principal()).contains("app/1");
        assertThat(monitor1.status()).isEqualTo(new StatusValue("active", "monitoring app/1"));
        assertThat(model.leader("monitor")).contains("monitor/0");
    }

    @Test
    void aNewPrincipalUnitGetsItsOwnSubordinateUnit() {
        Model model = monitored(new RecordingDriver());
        SimulatedUnit added = model.addUnit("app");

        assertThat(added.hookNames()).containsExactly("install", "juju-info-relation-created",
                "leader-settings-changed", "config-changed", "start", "juju-info-relation-joined",
                "juju-info-relation-changed");
        SimulatedUnit monitor = model.unit("monitor/2");
        assertThat(monitor.machine()).isEqualTo(added.machine());
        assertThat(monitor.hookNames()).containsExactly("install", "host-relation-created", "leader-settings-changed",
                "config-changed", "start", "host-relation-joined", "host-relation-changed");
    }

    @Test
    void removingAPrincipalUnitRemovesItsSubordinateUnitFirst() {
        RecordingDriver driver = new RecordingDriver();
        Model model = monitored(driver);
        int before = driver.count();
        model.removeUnit("app/1");

        assertThat(driver.describe(before)).containsExactly(
                "monitor/1 host-relation-departed remote=app/1 app=app departing=monitor/1",
                "app/1 juju-info-relation-departed remote=monitor/1 app=monitor departing=monitor/1",
                "monitor/1 host-relation-broken app=app",
                "monitor/1 stop",
                "monitor/1 remove",
                "app/1 juju-info-relation-broken app=monitor",
                "app/1 stop",
                "app/1 remove");
        assertThat(model.units()).extracting(SimulatedUnit::name).containsExactly("app/0", "monitor/0");
    }

    @Test
    void removingTheRelationDepartsBreaksAndRemovesTheSubordinateUnits() {
        RecordingDriver driver = new RecordingDriver();
        Model model = monitored(driver);
        int before = driver.count();
        model.removeRelation("app", "monitor");

        assertThat(driver.describe(before)).containsExactly(
                "app/0 juju-info-relation-departed remote=monitor/0 app=monitor departing=monitor/0",
                "app/1 juju-info-relation-departed remote=monitor/1 app=monitor departing=monitor/1",
                "monitor/0 host-relation-departed remote=app/0 app=app departing=app/0",
                "monitor/1 host-relation-departed remote=app/1 app=app departing=app/1",
                "app/0 juju-info-relation-broken app=monitor",
                "app/1 juju-info-relation-broken app=monitor",
                "monitor/0 host-relation-broken app=app",
                "monitor/1 host-relation-broken app=app",
                "monitor/0 stop",
                "monitor/0 remove",
                "monitor/1 stop",
                "monitor/1 remove");
        assertThat(model.units()).extracting(SimulatedUnit::name).containsExactly("app/0", "app/1");
        assertThat(model.leader("monitor")).isEmpty();
    }

    @Test
    void aSeriesUpgradeRunsPreSeriesUpgradeOnTheSubordinateToo() {
        Model model = monitored(new RecordingDriver());
        model.prepareSeriesUpgrade("0", "ubuntu@24.04");

        assertThat(model.unit("app/0").hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(model.unit("monitor/0").hookNames()).last().isEqualTo("pre-series-upgrade");
        assertThat(model.unit("monitor/0").status()).isEqualTo(new StatusValue("blocked", "paused for the series upgrade"));
        assertThat(model.unit("monitor/1").hookNames()).doesNotContain("pre-series-upgrade");
    }

    @Test
    void subordinateUnitsComeOnlyFromTheirPrincipals() {
        Model model = monitored(new RecordingDriver());

        assertThatThrownBy(() -> model.deploy("monitor2", MONITOR, 1)).hasMessage("application monitor2 is a"
                + " subordinate: it gets one unit per unit of the principal it is related to; deploy it with 0 units"
                + " and relate it over its container-scoped endpoint");
        assertThatThrownBy(() -> model.addUnit("monitor")).hasMessage("cannot add a unit to subordinate application"
                + " monitor: it gets one unit per unit of its principal; add a unit to the principal instead");
        assertThatThrownBy(() -> model.removeUnit("monitor/0")).hasMessage("unit monitor/0 is a subordinate of app/0;"
                + " remove the relation between their applications (removeRelation) or unit app/0 itself");
        model.deploy("other", APP, 1);
        model.deploy("watcher", Charm.of(Monitor.class).metadataYaml(
                "requires: {host: {interface: juju-info, scope: container}}"), 1);
        assertThatThrownBy(() -> model.relate("other:juju-info", "watcher:host")).hasMessage("cannot relate"
                + " other:juju-info to watcher:host: a container-scoped relation attaches a subordinate to a principal,"
                + " and neither is a subordinate (subordinate: true in metadata.yaml)");
    }

    @Test
    void aSubordinateWithoutAContainerScopedRequiresIsRefusedAsJujuRefusesIt() {
        assertThatThrownBy(() -> Charm.of(Monitor.class).metadataYaml("""
                name: monitor
                subordinate: true
                requires:
                  host: {interface: juju-info}
                """)).hasMessage("metadata.yaml:2:14: a subordinate charm needs a \"requires\" relation with container"
                + " scope to attach to its principal; add one, e.g. \"requires: {juju-info: {interface: juju-info,"
                + " scope: container}}\"");
    }
}
