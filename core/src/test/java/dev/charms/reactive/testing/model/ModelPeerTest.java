package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.endpoints.Endpoint;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelPeerTest {

    @EndpointInterface(value = "cluster", role = EndpointInterface.Role.PEERS)
    public static class ClusterPeers extends Endpoint {
        @When("endpoint.{endpoint_name}.joined")
        void members(Status status) {
            status.active("peers " + allJoinedUnits().stream().map(RelatedUnit::unitName).toList());
        }
    }

    public static class ClusterCharm {
        @When({"leadership.is_leader", "endpoint.cluster.joined"})
        @WhenNot("cluster.token-shared")
        void shareToken(ClusterPeers peers, Flags flags) {
            peers.relations().forEach(r -> r.toPublishAppRaw().put("token", "t-1"));
            flags.set("cluster.token-shared");
        }

        @Hook("cluster-relation-changed")
        void changed(HookEnvironment hook, Log log) {
            log.info("changed: remote unit " + hook.remoteUnit().map(UnitName::toString).orElse("none") + ", app "
                    + hook.remoteApp().orElse("none"));
        }

        @Hook("cluster-relation-departed")
        void departed(HookEnvironment hook, Log log) {
            log.info("departed: " + hook.remoteUnit().orElseThrow() + ", departing "
                    + hook.departingUnit().orElseThrow());
        }
    }

    private static final Charm CLUSTER = Charm.of(ClusterPeers.class, ClusterCharm.class).metadataYaml("""
            name: cluster
            peers:
              cluster: {interface: cluster}
            """);

    @Test
    void deployingEstablishesThePeerRelationAndEachUnitJoinsEveryOther() {
        Model model = new Model();
        model.deploy("cluster", CLUSTER, 3);

        assertThat(model.unit("cluster/0").hookNames()).containsExactly("install", "cluster-relation-created",
                "leader-elected", "config-changed", "start", "cluster-relation-joined", "cluster-relation-changed",
                "cluster-relation-joined", "cluster-relation-changed");
        assertThat(model.unit("cluster/1").hookNames()).containsExactly("install", "cluster-relation-created",
                "leader-settings-changed", "config-changed", "start", "cluster-relation-joined",
                "cluster-relation-changed", "cluster-relation-changed", "cluster-relation-joined",
                "cluster-relation-changed");
        assertThat(model.unit("cluster/2").hookNames()).containsExactly("install", "cluster-relation-created",
                "leader-settings-changed", "config-changed", "start", "cluster-relation-joined",
                "cluster-relation-changed", "cluster-relation-joined", "cluster-relation-changed");
        assertThat(model.unit("cluster/0").status()).isEqualTo(new StatusValue("active", "peers [cluster/1, cluster/2]"));
        assertThat(model.unit("cluster/2").status()).isEqualTo(new StatusValue("active", "peers [cluster/0, cluster/1]"));
    }

    @Test
    void applicationDataTheLeaderPublishesRunsRelationChangedAboutTheApplicationOnTheOtherPeers() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("cluster", CLUSTER, 2);

        assertThat(model.relationData("cluster", "cluster", "cluster")).containsExactly(
                java.util.Map.entry("token", "t-1"));
        assertThat(driver.describe(0)).filteredOn(line -> line.contains("relation-changed")).containsExactly(
                "cluster/1 cluster-relation-changed remote=cluster/0 app=cluster",
                "cluster/0 cluster-relation-changed remote=cluster/1 app=cluster",
                "cluster/1 cluster-relation-changed app=cluster");
        assertThat(model.unit("cluster/1").log()).extracting(LogLine::message)
                .contains("changed: remote unit none, app cluster");
        assertThat(model.unit("cluster/0").log()).extracting(LogLine::message)
                .doesNotContain("changed: remote unit none, app cluster");
    }

    @Test
    void removingAPeerDepartsItBothWaysWithTheDepartingUnitThenBreaksItsPeerRelation() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("cluster", CLUSTER, 3);
        int before = driver.count();
        model.removeUnit("cluster/1");

        assertThat(driver.describe(before)).containsExactly(
                "cluster/1 cluster-relation-departed remote=cluster/0 app=cluster departing=cluster/1",
                "cluster/1 cluster-relation-departed remote=cluster/2 app=cluster departing=cluster/1",
                "cluster/0 cluster-relation-departed remote=cluster/1 app=cluster departing=cluster/1",
                "cluster/2 cluster-relation-departed remote=cluster/1 app=cluster departing=cluster/1",
                "cluster/1 cluster-relation-broken app=cluster",
                "cluster/1 stop",
                "cluster/1 remove");
        assertThat(model.unit("cluster/0").log()).extracting(LogLine::message)
                .contains("departed: cluster/1, departing cluster/1");
        assertThat(model.unit("cluster/0").status()).isEqualTo(new StatusValue("active", "peers [cluster/2]"));
        assertThat(model.unit("cluster/0").flags()).contains("endpoint.cluster.departed");
    }

    @Test
    void aPeerEndpointIsNotRelatedByHandNorRemoved() {
        Model model = new Model();
        model.deploy("cluster", CLUSTER, 1);
        model.deploy("other", CLUSTER, 1);

        assertThatThrownBy(() -> model.relate("cluster:cluster", "cluster:cluster")).hasMessage("cannot relate"
                + " cluster:cluster to cluster:cluster: both are application cluster, whose peer relations are"
                + " established when it is deployed");
        assertThatThrownBy(() -> model.relate("cluster:cluster", "other:cluster")).hasMessage("cannot relate"
                + " cluster:cluster to other:cluster: cluster:cluster is a peer endpoint, established among cluster's"
                + " own units when it is deployed");
        assertThatThrownBy(() -> model.removeRelation("cluster", "cluster")).hasMessage("cannot remove a relation"
                + " of cluster with itself: peer relations last as long as the application");
    }
}
