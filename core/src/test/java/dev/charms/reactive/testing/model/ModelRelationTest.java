package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.endpoints.Endpoint;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.endpoints.docs.HttpProvides;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRelationTest {

    public static class WebCharm {
        @When("website.available")
        void advertise(HttpProvides website, Config config) {
            website.configure("web.example.com", config.getInt("port"));
        }
    }

    @EndpointInterface(value = "http", role = EndpointInterface.Role.REQUIRES)
    public static class HttpRequires extends Endpoint {
        @When("endpoint.{endpoint_name}.changed.port")
        void backendsChanged(Flags flags, Status status) {
            List<String> backends = new ArrayList<>();
            for (RelatedUnit unit : allJoinedUnits()) {
                backends.add(unit.unitName() + "=" + unit.received().get("hostname") + ":" + unit.received().get("port"));
            }
            status.active("backends " + backends);
            flags.clear(expandName("endpoint.{endpoint_name}.changed.port"));
        }

        @When("endpoint.{endpoint_name}.departed")
        void backendsGone(Status status) {
            status.active("gone " + allDepartedUnits().stream()
                    .map(unit -> unit.unitName() + "@" + unit.received().get("port")).toList());
        }
    }

    private static final Charm WEB = Charm.of(HttpProvides.class, WebCharm.class)
            .configYaml("options: {port: {type: int, default: 80}}")
            .relations(RelationDeclaration.provides("website", "http"));
    private static final Charm PROXY = Charm.of(HttpRequires.class)
            .relations(RelationDeclaration.requires("backend", "http"));

    private static final StatusValue BOTH_WEB_UNITS_ON_80 =
            new StatusValue("active", "backends [web/0=web.example.com:80, web/1=web.example.com:80]");

    /** Two web units (or one) and a proxy, not yet related. */
    private static Model webAndProxy(int webUnits) {
        Model model = new Model();
        model.deploy("web", WEB, webUnits);
        model.deploy("proxy", PROXY, 1);
        return model;
    }

    @Test
    void relatingRunsCreatedThenJoinedAndChangedPerRemoteUnit() {
        Model model = webAndProxy(2);
        int before = model.timeline().size();
        model.relate("web:website", "proxy:backend");

        assertThat(model.timeline().subList(before, model.timeline().size()))
                .extracting(r -> r.unit() + " " + r.hook())
                .startsWith("web/0 website-relation-created", "web/1 website-relation-created",
                        "proxy/0 backend-relation-created",
                        "web/0 website-relation-joined", "web/0 website-relation-changed",
                        "web/1 website-relation-joined", "web/1 website-relation-changed",
                        "proxy/0 backend-relation-joined", "proxy/0 backend-relation-changed",
                        "proxy/0 backend-relation-joined", "proxy/0 backend-relation-changed");
    }

    @Test
    void dataOneSidePublishesReachesTheOtherAndRunsRelationChangedThere() {
        Model model = webAndProxy(2);
        model.relate("web:website", "proxy:backend");

        assertThat(model.relationData("proxy", "web", "web/1")).containsEntry("port", "80");
        assertThat(model.unit("proxy/0").status()).isEqualTo(BOTH_WEB_UNITS_ON_80);

        model.config("web", "port", 8080L);
        SimulatedUnit proxy = model.unit("proxy/0");
        assertThat(proxy.hooks().subList(proxy.hooks().size() - 2, proxy.hooks().size()))
                .extracting(HookRun::hook)
                .containsExactly("backend-relation-changed", "backend-relation-changed");
        assertThat(proxy.status()).isEqualTo(
                new StatusValue("active", "backends [web/0=web.example.com:8080, web/1=web.example.com:8080]"));
    }

    @Test
    void aUnitAddedLaterJoinsTheExistingRelations() {
        Model model = webAndProxy(1);
        model.relate("web:website", "proxy:backend");
        SimulatedUnit added = model.addUnit("web");

        assertThat(added.hookNames()).containsExactly("install", "website-relation-created", "leader-settings-changed",
                "config-changed", "start", "website-relation-joined", "website-relation-changed");
        assertThat(model.unit("proxy/0").status()).isEqualTo(BOTH_WEB_UNITS_ON_80);
    }

    @Test
    void removingARelatedUnitDepartsBothSidesThenBreaksStopsAndRemoves() {
        Model model = webAndProxy(2);
        model.relate("web:website", "proxy:backend");
        int before = model.timeline().size();
        model.removeUnit("web/1");

        assertThat(model.timeline().subList(before, model.timeline().size()))
                .extracting(r -> r.unit() + " " + r.hook())
                .containsExactly("web/1 website-relation-departed", "proxy/0 backend-relation-departed",
                        "web/1 website-relation-broken", "web/1 stop", "web/1 remove");
        model.config("web", "port", 81L);
        assertThat(model.unit("proxy/0").status())
                .isEqualTo(new StatusValue("active", "backends [web/0=web.example.com:81]"));
    }

    @Test
    void relatingMismatchedOrUnknownEndpointsSaysWhy() {
        Model model = webAndProxy(1);

        assertThatThrownBy(() -> model.relate("web:site", "proxy:backend"))
                .hasMessage("application web has no endpoint 'site'; its metadata declares [website]");
        assertThatThrownBy(() -> model.relate("web", "proxy:backend"))
                .hasMessageStartingWith("\"web\" names no endpoint");
        assertThatThrownBy(() -> model.relationData("web", "proxy", "proxy/0"))
                .hasMessageStartingWith("web and proxy are not related");
    }

    @Test
    void removingTheRelationDepartsEachSideThenBreaksEveryUnitAndDepartedDataStaysReadable() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("web", WEB, 2);
        model.deploy("proxy", PROXY, 1);
        model.relate("web:website", "proxy:backend");
        int before = driver.count();
        model.removeRelation("web", "proxy:backend");

        assertThat(driver.describe(before)).containsExactly(
                "web/0 website-relation-departed remote=proxy/0 app=proxy departing=proxy/0",
                "web/1 website-relation-departed remote=proxy/0 app=proxy departing=proxy/0",
                "proxy/0 backend-relation-departed remote=web/0 app=web departing=web/0",
                "proxy/0 backend-relation-departed remote=web/1 app=web departing=web/1",
                "web/0 website-relation-broken app=proxy",
                "web/1 website-relation-broken app=proxy",
                "proxy/0 backend-relation-broken app=web");
        assertThat(model.unit("proxy/0").status()).isEqualTo(new StatusValue("active", "gone [web/0@80, web/1@80]"));
        assertThat(model.unit("web/0").flags()).doesNotContain("website.available");
        assertThatThrownBy(() -> model.relationData("proxy", "web", "web/0")).hasMessageStartingWith(
                "proxy and web are not related");

        model.relate("web:website", "proxy:backend");
        assertThat(model.unit("proxy/0").status()).isEqualTo(BOTH_WEB_UNITS_ON_80);
    }

    @Test
    void removingARelationThatIsNotThereOrNotOneSaysWhichThereAre() {
        Model model = webAndProxy(1);

        assertThatThrownBy(() -> model.removeRelation("web", "proxy")).hasMessage("cannot remove the relation"
                + " between web and proxy: they are not related; the relations of web are []");
        model.deploy("admin", Charm.of(HttpProvides.class).metadataYaml("provides: {website: http, admin: http}"), 1);
        model.relate("admin:website", "proxy:backend");
        model.relate("admin:admin", "proxy:backend");
        assertThatThrownBy(() -> model.removeRelation("proxy", "admin")).hasMessage("cannot remove the relation"
                + " between proxy and admin: they are related more than once [admin:website proxy:backend,"
                + " admin:admin proxy:backend]; name the endpoints, e.g. removeRelation(\"admin:website\","
                + " \"proxy:backend\")");
        assertThatThrownBy(() -> model.removeRelation("web:website", "proxy")).hasMessage("cannot remove the"
                + " relation between web:website and proxy: they are not related; the relations of web are []");
        model.removeRelation("proxy", "admin:admin");
        assertThat(model.unit("admin/0").hookNames()).last().isEqualTo("admin-relation-broken");
    }

    @Test
    void relatingTwoProvidersOrTheSamePairTwiceIsRefused() {
        Model model = webAndProxy(1);
        model.deploy("other", WEB, 1);
        model.relate("web:website", "proxy:backend");

        assertThatThrownBy(() -> model.relate("web:website", "other:website")).hasMessage("cannot relate"
                + " web:website to other:website: both are provides endpoints; one end must provide the interface and"
                + " the other require it");
        assertThatThrownBy(() -> model.relate("proxy:backend", "web:website")).hasMessage(
                "proxy:backend and web:website are already related");
    }
}
