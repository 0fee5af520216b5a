package dev.charms.reactive.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.HarnessRunFailed;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handler expansion, injection, publishing and errors of endpoints, through the harness. */
class EndpointSupportTest {

    @EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
    static class HttpProvides extends Endpoint {
        @WhenAny({"endpoint.{endpoint_name}.joined", "{endpoint_name}.wanted"})
        void publish(Flags flags) {
            relations().forEach(r -> r.toPublish().put("port", 80));
            flags.set(expandName("{endpoint_name}.published"));
        }
    }

    static class Charm {
        @When("website.published")
        void useIt(Endpoints endpoints) {
            endpoints.get("website", HttpProvides.class).relations().get(0).toPublishRaw().put("hostname", "web");
        }

        @When("fail")
        void fail() {
            throw new IllegalStateException("boom");
        }
    }

    /** Takes the endpoint itself, which works only while a single relation is bound to its class. */
    static class Direct {
        @When("website.published")
        void use(HttpProvides http, Endpoints endpoints) {
            assertThat(endpoints.fromName("website")).containsSame(http);
            http.relations().get(0).toPublishRaw().put("direct", "yes");
        }
    }

    static final RelationState WEBSITE = RelationState.of("website:1", "proxy")
            .unit("proxy/0", Map.of()).localUnitData(Map.of("old", "x"));

    @Test
    void endpointHandlersRunOncePerEndpointNameWithTheirFlagsFilledIn() {
        Result result = Harness.of(HttpProvides.class, Charm.class)
                .relations(RelationDeclaration.provides("website", "http"), RelationDeclaration.provides("admin", "http"),
                        RelationDeclaration.requires("db", "http"))
                .relation(WEBSITE)
                .flags("admin.wanted")
                .hook("update-status").run();
        assertThat(result.invoked()).containsExactly("HttpProvides.publish:admin", "HttpProvides.publish:website",
                "Charm.useIt");
        assertThat(result.flags()).contains("admin.published", "website.published", "endpoint.website.joined")
                .doesNotContain("endpoint.admin.joined", "endpoint.db.joined");
        assertThat(result.localUnitData("website:1")).isEqualTo(Map.of("old", "x", "port", "80", "hostname", "web"));
    }

    @Test
    void withoutAMatchingRelationTheHandlersAreNotRegistered() {
        Result result = Harness.of(HttpProvides.class).relations(RelationDeclaration.requires("website", "http"))
                .flags("website.wanted").hook("update-status").run();
        assertThat(result.invoked()).isEmpty();
    }

    @Test
    void relationDataIsPublishedOnlyWhenTheHookSucceeds() {
        Failure failure = Harness.of(HttpProvides.class, Charm.class)
                .relations(RelationDeclaration.provides("website", "http")).relation(WEBSITE)
                .flags("fail").hook("update-status").runExpectingFailure();
        assertThat(failure.invoked()).contains("HttpProvides.publish:website");
        assertThat(failure.calls()).noneMatch(c -> c.tool().equals("relation-set"));
    }

    @Test
    void aRemovedKeyIsPublishedAsADeletion() {
        Result result = Harness.of(RemoveOld.class).relations(RelationDeclaration.provides("website", "http"))
                .relation(WEBSITE).hook("update-status").run();
        assertThat(result.localUnitData("website:1")).isEmpty();
        assertThat(result.calls()).filteredOn(c -> c.tool().equals("relation-set")).singleElement()
                .satisfies(c -> assertThat(c.arguments().get(1)).isEqualTo(deleted("old")));
    }

    private static Map<String, String> deleted(String key) {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put(key, null);
        return settings;
    }

    @EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
    static class RemoveOld extends Endpoint {
        @Hook("update-status")
        void remove() {
            relations().get("website:1").toPublish().remove("old");
        }
    }

    @Test
    void anEndpointParameterGetsTheOnlyInstanceOfItsClass() {
        Result result = Harness.of(HttpProvides.class, Direct.class)
                .relations(RelationDeclaration.provides("website", "http")).relation(WEBSITE)
                .hook("update-status").run();
        assertThat(result.invoked()).containsExactly("HttpProvides.publish:website", "Direct.use");
        assertThat(result.localUnitData("website:1")).containsEntry("direct", "yes");
    }

    @Test
    void anEndpointParameterBoundToSeveralNamesIsAnErrorNamingThem() {
        Failure failure = Harness.of(HttpProvides.class, Direct.class)
                .relations(RelationDeclaration.provides("website", "http"), RelationDeclaration.provides("admin", "http"))
                .flags("website.published").hook("update-status").runExpectingFailure();
        assertThat(failure.cause()).hasMessageContaining("several endpoints are a " + HttpProvides.class.getName()
                + ": [admin, website]; take Endpoints and call endpoints.get(\"<name>\", HttpProvides.class)");
    }

    @Test
    void anEndpointParameterWithoutARelationIsAnErrorSayingWhatIsMissing() {
        Failure failure = Harness.of(Direct.class).flags("website.published").hook("update-status")
                .runExpectingFailure();
        assertThat(failure.cause()).hasMessageContaining("no endpoint is a " + HttpProvides.class.getName()
                + ": metadata.yaml declares no relation with role provides and interface http");
    }

    static class Unannotated extends Endpoint {
        @When("endpoint.{endpoint_name}.joined")
        void joined() {
        }
    }

    @Test
    void anEndpointClassWithoutEndpointInterfaceIsRejected() {
        assertThatThrownBy(() -> Harness.of(Unannotated.class).hook("install").run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unannotated.class.getName() + " extends Endpoint but has no @EndpointInterface");
    }

    @Test
    void twoClassesForOneRelationAreRejected() {
        assertThatThrownBy(() -> Harness.of(HttpProvides.class, RemoveOld.class)
                .relations(RelationDeclaration.provides("website", "http")).hook("install").run())
                .hasMessageContaining("relation website (provides http) is implemented by both "
                        + HttpProvides.class.getName() + " and " + RemoveOld.class.getName());
    }

    @Test
    void anUnboundEndpointSaysSo() {
        assertThatThrownBy(() -> new HttpProvides().relations()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not bound to an endpoint yet");
    }

    @Test
    void expandNamePrefixesAndFillsTheEndpointName() {
        Harness.of(Expander.class).relations(RelationDeclaration.provides("web", "expand"))
                .relation(RelationState.of("web:0", "proxy")).hook("install").run();
        assertThat(Expander.seen).containsExactly("endpoint.web.ready", "web.ready", "{other}.web");
    }

    @EndpointInterface(value = "expand", role = EndpointInterface.Role.PROVIDES)
    static class Expander extends Endpoint {
        static final List<String> seen = new java.util.ArrayList<>();

        @Hook("install")
        void expand() {
            seen.clear();
            seen.addAll(List.of(expandName("ready"), expandName("{endpoint_name}.ready"),
                    expandName("{other}.{endpoint_name}")));
        }
    }
}
