package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.status.Status;
import org.junit.jupiter.api.Test;

class ModelRefreshTest {

    static class Version1 {
        @When("config.changed")
        void configure(Config config, Status status) {
            status.active("greeting " + config.getString("greeting") + ", size " + config.getInt("size"));
        }

        @Hook("post-series-upgrade")
        void resume(Log log) {
            log.info("post-series-upgrade by version 1");
        }
    }

    static class Version2 {
        @When("config.changed")
        void configure(Config config, Status status) {
            status.active("greeting " + config.getString("greeting") + ", colour " + config.getString("colour"));
        }

        @Hook("upgrade-charm")
        void upgraded(Log log) {
            log.info("upgraded to version 2");
        }
    }

    private static final Charm V1 = Charm.of(Version1.class)
            .configYaml("options: {greeting: {type: string, default: hello}, size: {type: int, default: 1}}");
    private static final Charm V2 = Charm.of(Version2.class)
            .configYaml("options: {greeting: {type: string, default: hello}, colour: {type: string, default: blue}}")
            .revision(2);

    @Test
    void everyUnitRunsUpgradeCharmThenConfigChangedWithTheNewCharmsOptions() {
        Model model = new Model();
        model.deploy("app", V1, 2);
        model.config("app", "greeting", "hi");
        model.config("app", "size", 3);
        int before = model.timeline().size();
        assertThat(model.charm("app")).isSameAs(V1);
        model.refresh("app", V2);

        assertThat(model.charm("app")).isSameAs(V2);
        // config.changed is set in upgrade-charm already: the config differs from the one the last hook saw
        assertThat(model.timeline().subList(before, model.timeline().size()))
                .extracting(r -> r.unit() + " " + r.hook() + " " + r.invoked())
                .containsExactly("app/0 upgrade-charm [Version2.upgraded, Version2.configure]",
                        "app/0 config-changed []",
                        "app/1 upgrade-charm [Version2.upgraded, Version2.configure]",
                        "app/1 config-changed []");
        assertThat(model.units()).allSatisfy(u ->
                assertThat(u.status()).isEqualTo(new StatusValue("active", "greeting hi, colour blue")));
        assertThatThrownBy(() -> model.config("app", "size", 5)).hasMessage("application app has no config option"
                + " 'size'; its config.yaml declares [greeting, colour]");
    }

    @Test
    void aPeerRelationTheNewCharmAddsIsEstablished() {
        Model model = new Model();
        model.deploy("app", V1, 2);
        model.refresh("app", V2.metadataYaml("peers: {cluster: {interface: app-cluster}}"));

        assertThat(model.unit("app/0").hookNames()).endsWith("upgrade-charm", "config-changed",
                "cluster-relation-created", "cluster-relation-joined", "cluster-relation-changed");
        assertThat(model.unit("app/1").hookNames()).endsWith("upgrade-charm", "config-changed",
                "cluster-relation-created", "cluster-relation-joined", "cluster-relation-changed");
    }

    @Test
    void aRefreshDuringASeriesUpgradeIsHeldThereAndTheUnitRunsItsOldCharmUntilThen() {
        Model model = new Model();
        model.deploy("app", V1, 2);
        SimulatedUnit upgrading = model.unit("app/1");
        model.prepareSeriesUpgrade(upgrading.machine(), "ubuntu@24.04");
        model.config("app", "greeting", "yo");
        model.refresh("app", V2);

        assertThat(model.unit("app/0").hookNames()).endsWith("config-changed", "upgrade-charm", "config-changed");
        assertThat(upgrading.hookNames()).last().isEqualTo("pre-series-upgrade");

        int before = upgrading.hooks().size();
        model.completeSeriesUpgrade(upgrading.machine());
        assertThat(upgrading.hooks().subList(before, upgrading.hooks().size()))
                .extracting(r -> r.hook() + " " + r.invoked())
                .containsExactly("post-series-upgrade [Version1.resume, Version1.configure]",
                        "upgrade-charm [Version2.upgraded, Version2.configure]", "config-changed []");
        assertThat(upgrading.log()).extracting(LogLine::message).contains("post-series-upgrade by version 1",
                "upgraded to version 2");
        assertThat(upgrading.status()).isEqualTo(new StatusValue("active", "greeting yo, colour blue"));
    }

    @Test
    void aRefreshJujuWouldRefuseSaysWhyAndWhatToDo() {
        Model model = new Model();
        model.deploy("web", V1.metadataYaml("provides: {website: http}"), 1);
        model.deploy("proxy", V1.metadataYaml("requires: {backend: http}"), 1);
        model.relate("web:website", "proxy:backend");

        assertThatThrownBy(() -> model.refresh("web", V1)).hasMessage("application web already runs revision 1 of its"
                + " charm; refresh to another, e.g. newCharm.revision(2)");
        assertThatThrownBy(() -> model.refresh("web", V2)).hasMessage("cannot refresh web to revision 2: it would"
                + " break [web:website proxy:backend (website: provides http)]; keep those endpoints in the new charm's"
                + " metadata.yaml, or remove the relations first");
        assertThatThrownBy(() -> model.refresh("web", V2.metadataYaml("""
                subordinate: true
                provides: {website: http}
                requires: {host: {interface: juju-info, scope: container}}
                """))).hasMessage("cannot refresh web: the deployed charm is not a subordinate and the new one is; an"
                + " application cannot change that");
        model.refresh("web", V2.metadataYaml("provides: {website: {interface: http}}"));
        assertThat(model.unit("web/0").hookNames()).endsWith("upgrade-charm", "config-changed");
    }
}
