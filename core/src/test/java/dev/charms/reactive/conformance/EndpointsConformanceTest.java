package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.When;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.endpoints.Endpoint;
import dev.charms.reactive.endpoints.Endpoints;
import dev.charms.reactive.endpoints.JsonDataView;
import dev.charms.reactive.endpoints.Relation;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.endpoints.UnitDataView;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reference §12.7 (tests/test_endpoints.py), E01–E17, run through the harness: the endpoints are created, bound and
 * flagged by the production hook runner, and a probe handler ({@code @When("probe")}) inspects or changes them during
 * the hook. data_changed is not mocked: its answers come from real hashes, so where upstream mocks it true or false
 * the data here is changed or left alone instead.
 */
class EndpointsConformanceTest {
    private static final String EP = "test-endpoint";
    private static Consumer<Endpoints> probe = e -> {
    };
    private static Flags hookFlags;

    /** The reference's TestAltRequires: three handlers, and triggers that mirror joined into alias.<ep>.joined. */
    @EndpointInterface(value = "test-alt", role = EndpointInterface.Role.REQUIRES)
    static class TestAltRequires extends Endpoint {
        @Override
        protected void registerTriggers() {
            flags().registerTrigger(Trigger.builder().when(expandName("joined"))
                    .setFlag(expandName("alias.{endpoint_name}.joined")).build());
            flags().registerTrigger(Trigger.builder().whenNot(expandName("joined"))
                    .clearFlag(expandName("alias.{endpoint_name}.joined")).build());
        }

        @When("endpoint.{endpoint_name}.joined")
        void joined() {
        }

        @When("endpoint.{endpoint_name}.changed")
        void changed() {
        }

        @When("endpoint.{endpoint_name}.changed.foo")
        void changedFoo() {
        }
    }

    /** Runs {@link #probe} once the automatic flags are set. */
    static class Probe {
        @When("probe")
        void run(Endpoints endpoints, Flags flags) {
            flags.clear("probe");
            hookFlags = flags;
            probe.accept(endpoints);
        }
    }

    @AfterEach
    void resetProbe() {
        probe = e -> {
        };
    }

    static final RelationState REL0 = RelationState.of("test-endpoint:0", "unit")
            .localAppData(Map.of("app-key", "value"))
            .localUnitData(Map.of("key", "value"))
            .appData(Map.of("simple", "value", "complex", "[1, 2]"))
            .unit("unit/0", Map.of("foo", "yes"))
            .unit("unit/1", Map.of());
    static final RelationState REL1 = RelationState.of("test-endpoint:1", "unit")
            .unit("unit/0", Map.of("bar", "[1, 2]"))
            .unit("unit/1", Map.of("foo", "no"));
    static final JsonObject DEPARTED = JsonParser.parseString("""
            {"format": 1, "namespaces": {"endpoints.departed.test-endpoint": [
              {"relation": "test-endpoint:1", "unit_name": "unit/3", "data": {"departed": "true"}},
              {"relation": "test-endpoint:2", "unit_name": "unit/4", "data": {"departed": "true"}}]}}
            """).getAsJsonObject();

    static Harness fixture() {
        return Harness.of(TestAltRequires.class, Probe.class)
                .relations(RelationDeclaration.requires("test-rel", "test"),
                        RelationDeclaration.requires("test-endpoint", "test-alt"),
                        RelationDeclaration.requires("test-endpoint2", "test-alt"),
                        RelationDeclaration.requires("test-endpoint3", "test-alt"))
                .state(DEPARTED)
                .relation(REL0)
                .relation(REL1)
                .hook("upgrade-charm");
    }

    /** Runs the fixture hook with the probe; returns what it produced. */
    static Result probing(Harness harness, Consumer<Endpoints> check) {
        probe = check;
        return harness.flags("probe").run();
    }

    static JsonObject without(JsonObject state, String... flags) {
        JsonObject copy = state.deepCopy();
        for (String flag : flags) {
            copy.getAsJsonObject("flags").remove(flag);
        }
        return copy;
    }

    static List<ToolCall> relationSets(Result result) {
        return result.calls().stream().filter(c -> c.tool().equals("relation-set")).toList();
    }

    static Relation rel(Endpoints endpoints, int index) {
        return endpoints.get(EP, TestAltRequires.class).relations().get(index);
    }

    @Test
    void e01_fromName() {
        probing(fixture(), endpoints -> {
            assertThat(endpoints.fromName(EP)).get().isInstanceOf(TestAltRequires.class)
                    .extracting(Endpoint::endpointName).isEqualTo(EP);
            assertThat(endpoints.fromName("foo")).isEmpty();
            assertThat(endpoints.fromName("test-rel")).as("no class implements interface test").isEmpty();
        });
    }

    @Test
    void e02_fromFlag() {
        probing(fixture().flags("bar.qux.zod"), endpoints -> {
            Flags flags = hookFlags;
            assertThat(endpoints.fromFlag("foo")).isEmpty();
            assertThat(endpoints.fromFlag("bar.qux.zod")).isEmpty();
            assertThat(endpoints.fromFlag("endpoint.test-endpoint.qux")).isEmpty();
            flags.set("endpoint.test-endpoint.qux");
            assertThat(endpoints.fromFlag("endpoint.test-endpoint.qux")).containsSame(endpoints.fromName(EP).get());
            flags.set("test-endpoint.qux");
            assertThat(endpoints.fromFlag("test-endpoint.qux")).containsSame(endpoints.fromName(EP).get());
        });
    }

    @Test
    void e03_startupSetsJoinedChangedAndTriggeredFlags() {
        Result first = probing(fixture().flags("endpoint.test-endpoint2.joined", "alias.test-endpoint2.joined"),
                endpoints -> {
                    rel(endpoints, 0).toPublish().put("n", 0);
                    rel(endpoints, 1).toPublish().put("n", 1);
                });
        assertThat(first.flags()).contains("endpoint.test-endpoint.joined", "endpoint.test-endpoint.changed",
                "endpoint.test-endpoint.changed.foo", "endpoint.test-endpoint.changed.bar",
                "alias.test-endpoint.joined");
        assertThat(first.flags()).doesNotContain("endpoint.test-endpoint2.joined", "alias.test-endpoint2.joined",
                "endpoint.test-endpoint2.changed", "alias.test-endpoint3.joined");
        assertThat(relationSets(first)).extracting(c -> c.arguments().get(0))
                .containsExactly("test-endpoint:0", "test-endpoint:1");

        String[] changed = {"endpoint.test-endpoint.changed", "endpoint.test-endpoint.changed.foo",
            "endpoint.test-endpoint.changed.bar"};
        Harness next = fixture().state(without(first.state(), changed));
        RelationState rel0Changed = REL0.unit("unit/0", Map.of("foo", "maybe"));

        assertThat(next.relation(rel0Changed).run().flags()).as("(b) already joined, not a relation hook")
                .doesNotContain(changed);
        assertThat(next.relation(rel0Changed).hook("test-endpoint-relation-joined").run().flags())
                .as("(c) a relation hook scans").contains(changed[0], changed[1]).doesNotContain(changed[2]);
        JsonObject cleared = without(first.state(), "endpoint.test-endpoint.joined", changed[0], changed[1],
                changed[2]);
        assertThat(fixture().state(cleared).relation(rel0Changed).run().flags()).as("(d) joined cleared, data changed")
                .contains(changed[0], changed[1]);
        assertThat(fixture().state(cleared).run().flags()).as("(e) joined cleared, data unchanged")
                .doesNotContain(changed);
    }

    @Test
    void e04_collections() {
        probing(fixture(), endpoints -> {
            TestAltRequires ep = endpoints.get(EP, TestAltRequires.class);
            assertThat(ep.relations()).hasSize(2);
            assertThat(ep.relations().keys()).containsExactly("test-endpoint:0", "test-endpoint:1");
            assertThat(ep.relations().get("test-endpoint:0")).isSameAs(ep.relations().get(0));
            assertThat(ep.relations().get(0).joinedUnits().unitNames()).containsExactly("unit/0", "unit/1");
            assertThat(ep.allJoinedUnits()).extracting(RelatedUnit::relationId, RelatedUnit::unitName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("test-endpoint:0", "unit/0"),
                            org.assertj.core.groups.Tuple.tuple("test-endpoint:0", "unit/1"),
                            org.assertj.core.groups.Tuple.tuple("test-endpoint:1", "unit/0"),
                            org.assertj.core.groups.Tuple.tuple("test-endpoint:1", "unit/1"));
            assertThat(ep.relations().get(0).applicationName()).isEqualTo("unit");
            assertThat(ep.relations().get(0).endpointName()).isEqualTo(EP);
            assertThat(ep.isJoined()).isTrue();
        });
    }

    @Test
    void e05_departedUnitsAreRecordedPersistedAndForgotten() {
        Harness departing = fixture()
                .relation(RelationState.of("test-endpoint:0", "unit").unit("unit/0", Map.of("foo", "yes"))
                        .departingUnit("unit/2", Map.of("departed", "yes")))
                .relation(RelationState.of("test-endpoint:1", "unit").unit("unit/1", Map.of("foo", "no")))
                .hook("test-endpoint-relation-departed").relationContext("test-endpoint:0", "unit/2");
        List<String> forgotten = new ArrayList<>();
        Result result = probing(departing, endpoints -> {
            TestAltRequires ep = endpoints.get(EP, TestAltRequires.class);
            assertThat(ep.relations().keys()).containsExactly("test-endpoint:0", "test-endpoint:1");
            assertThat(ep.allJoinedUnits().unitNames()).containsExactly("unit/0", "unit/1");
            assertThat(ep.allDepartedUnits()).extracting(RelatedUnit::unitName)
                    .containsExactly("unit/3", "unit/4", "unit/2");
            assertThat(ep.allDepartedUnits().get(2).receivedRaw()).containsEntry("departed", "yes");
            assertThat(ep.allDepartedUnits().get(0).received().get("departed")).isEqualTo(true);
            forgotten.add(ep.allDepartedUnits().remove(0).unitName());
        });
        assertThat(forgotten).containsExactly("unit/3");
        assertThat(result.flags()).contains("endpoint.test-endpoint.departed", "endpoint.test-endpoint.joined");
        assertThat(result.state().getAsJsonObject("namespaces").get("endpoints.departed.test-endpoint"))
                .isEqualTo(JsonParser.parseString("""
                        [{"relation": "test-endpoint:2", "unit_name": "unit/4", "data": {"departed": "true"}},
                         {"relation": "test-endpoint:0", "unit_name": "unit/2", "data": {"departed": "yes"}}]"""));

        Result emptied = probing(fixture().state(result.state()), e -> e.get(EP, TestAltRequires.class)
                .allDepartedUnits().clear());
        assertThat(emptied.state().getAsJsonObject("namespaces").has("endpoints.departed.test-endpoint"))
                .as("an empty list removes the key").isFalse();

        probing(fixture().relation(RelationState.of("test-endpoint:1", "unit")
                        .departingUnit("unit/1", Map.of("foo", "no")))
                .hook("test-endpoint-relation-departed").relationContext("test-endpoint:1", "unit/1"), endpoints ->
                assertThat(endpoints.get(EP, TestAltRequires.class).relations().keys())
                        .containsExactly("test-endpoint:0"));
    }

    @Test
    void e06_receivedUnitData() {
        probing(fixture(), endpoints -> {
            TestAltRequires ep = endpoints.get(EP, TestAltRequires.class);
            assertThat(ep.allJoinedUnits().receivedRaw()).isEqualTo(Map.of("foo", "yes", "bar", "[1, 2]"));
            assertThat(ep.allJoinedUnits().received()).isEqualTo(Map.of("foo", "yes", "bar", List.of(1L, 2L)));
            assertThat(rel(endpoints, 0).joinedUnits().received()).isEqualTo(Map.of("foo", "yes"));
            assertThat(rel(endpoints, 1).joinedUnits().receivedRaw()).isEqualTo(Map.of("foo", "no", "bar", "[1, 2]"));
            assertThat(rel(endpoints, 1).joinedUnits().received()).isEqualTo(Map.of("foo", "no", "bar", List.of(1L, 2L)));
            assertThat(rel(endpoints, 0).joinedUnits().get(0).received()).isEqualTo(Map.of("foo", "yes"));
            assertThat(rel(endpoints, 0).joinedUnits().get(1).received()).isEmpty();
            assertThat(rel(endpoints, 1).joinedUnits().get(0).received()).isEqualTo(Map.of("bar", List.of(1L, 2L)));
            assertThat(rel(endpoints, 1).joinedUnits().get(1).received()).isEqualTo(Map.of("foo", "no"));
            JsonDataView unit = rel(endpoints, 0).joinedUnits().get(0).received();
            assertThat(unit.get("missing")).isNull();
            assertThat(unit.getOrDefault("missing", "default")).isEqualTo("default");
            assertReadOnly(unit);
            assertReadOnly(unit.raw());
            assertReadOnly(ep.allJoinedUnits().received());
        });
    }

    @Test
    void e07_receivedAppData() {
        probing(fixture(), endpoints -> {
            assertThat(rel(endpoints, 0).receivedAppRaw()).isEqualTo(Map.of("simple", "value", "complex", "[1, 2]"));
            assertThat(rel(endpoints, 0).receivedApp()).isEqualTo(Map.of("simple", "value", "complex", List.of(1L, 2L)));
            assertThat(rel(endpoints, 1).receivedApp()).isEmpty();
            assertReadOnly(rel(endpoints, 0).receivedApp());
        });
    }

    static void assertReadOnly(Map<String, ?> view) {
        String message = "Remote unit data cannot be modified";
        @SuppressWarnings("unchecked")
        Map<String, Object> writable = (Map<String, Object>) view;
        assertThatThrownBy(() -> writable.put("foo", "bar")).hasMessageStartingWith(message);
        assertThatThrownBy(() -> writable.remove("foo")).hasMessageStartingWith(message);
        assertThatThrownBy(() -> writable.putAll(Map.of("a", "b"))).hasMessageStartingWith(message);
        if (!view.isEmpty()) {
            assertThatThrownBy(writable::clear).hasMessageStartingWith(message);
        }
    }

    @Test
    void e08_toPublishIsPublishedOnlyWhenModified() {
        Result untouched = probing(fixture(), endpoints -> assertThat(rel(endpoints, 0).toPublishRaw())
                .isEqualTo(Map.of("key", "value")));
        assertThat(relationSets(untouched)).isEmpty();

        Result raw = probing(fixture(), endpoints -> rel(endpoints, 0).toPublishRaw().put("key", "new-value"));
        assertThat(relationSets(raw)).extracting(ToolCall::arguments)
                .containsExactly(List.of("test-endpoint:0", Map.of("key", "new-value"), false));

        Result json = probing(fixture(), endpoints -> rel(endpoints, 0).toPublish().put("new", "complex"));
        assertThat(relationSets(json)).extracting(ToolCall::arguments)
                .containsExactly(List.of("test-endpoint:0", Map.of("key", "value", "new", "\"complex\""), false));
        assertThat(json.localUnitData("test-endpoint:0")).containsEntry("new", "\"complex\"");

        probing(fixture(), endpoints -> {
            UnitDataView rawView = rel(endpoints, 0).toPublishRaw();
            JsonDataView view = rel(endpoints, 0).toPublish();
            rawView.putAll(Map.of("a", "1"));
            view.putAll(Map.of("b", List.of(1, 2)));
            assertThat(rawView).containsEntry("a", "1").containsEntry("b", "[1,2]");
            assertThat(view.get("b")).isEqualTo(List.of(1L, 2L));
            assertThat(view.getOrDefault("c", "d")).isEqualTo("d");
            assertThat(rawView).doesNotContainKey("c");
            view.putIfAbsent("c", "e");
            view.putIfAbsent("c", "f");
            assertThat(view.get("c")).isEqualTo("e");
            view.remove("c");
            assertThat(view).doesNotContainKey("c");
            assertThat(view.remove("missing")).isNull();
            assertThat(view.get("missing")).isNull();
        });
    }

    @Test
    void e09_toPublishAppIsPublishedWithApp() {
        Result result = probing(fixture(), endpoints -> {
            JsonDataView app = rel(endpoints, 0).toPublishApp();
            assertThat(app).isEqualTo(Map.of("app-key", "value"));
            app.put("nested", Map.of("b", 2, "a", List.of(true)));
            assertThat(app.get("nested")).isEqualTo(Map.of("a", List.of(true), "b", 2L));
        });
        assertThat(relationSets(result)).extracting(ToolCall::arguments).containsExactly(List.of("test-endpoint:0",
                Map.of("app-key", "value", "nested", "{\"a\":[true],\"b\":2}"), true));
        assertThat(result.localAppData("test-endpoint:0")).containsEntry("nested", "{\"a\":[true],\"b\":2}");
    }

    @Test
    void e10_handlersRunPerEndpoint() {
        String joined = "TestAltRequires.joined:test-endpoint";
        String changed = "TestAltRequires.changed:test-endpoint";
        String changedFoo = "TestAltRequires.changedFoo:test-endpoint";
        Result fresh = fixture().run();
        assertThat(fresh.invoked()).as("2: nothing seen yet, so every field changed")
                .containsExactly(joined, changed, changedFoo);

        JsonObject seen = without(fresh.state(), "endpoint.test-endpoint.joined", "endpoint.test-endpoint.changed",
                "endpoint.test-endpoint.changed.foo", "endpoint.test-endpoint.changed.bar");
        assertThat(fixture().state(seen).run().invoked()).as("1: data unchanged").containsExactly(joined);

        Result both = fixture()
                .relation(RelationState.of("test-endpoint2:2", "other").unit("other/0", Map.of("foo", "1")))
                .relation(RelationState.of("test-endpoint2:3", "other").unit("other/1", Map.of()))
                .run();
        assertThat(both.invoked()).containsExactly(joined, joined + "2", changed, changed + "2", changedFoo,
                changedFoo + "2");
    }

    /** E11–E17: one peer relation whose only listed unit is the local unit itself. */
    @Nested
    class PeerFixture {
        @EndpointInterface(value = "test-peer", role = EndpointInterface.Role.PEERS)
        static class TestPeers extends Endpoint {
            @Override
            protected void registerTriggers() {
                flags().registerTrigger(Trigger.builder().when(expandName("joined"))
                        .setFlag(expandName("alias.{endpoint_name}.joined")).build());
            }

            @When("endpoint.{endpoint_name}.joined")
            void joined() {
            }

            @When("endpoint.{endpoint_name}.changed")
            void changed() {
            }
        }

        private final RelationState peer = RelationState.of("test-peer:0", "local")
                .unit("local/0", Map.of("key", "value"))
                .localUnitData(Map.of("key", "value"))
                .appData(Map.of("app-key", "value"))
                .localAppData(Map.of("app-key", "value"));

        Harness peerFixture() {
            return Harness.of(TestPeers.class, Probe.class).relations(RelationDeclaration.peers("test-peer", "test-peer"))
                    .relation(peer).hook("upgrade-charm");
        }

        @Test
        void e11_to_e16_lookupStartupCollectionsAndReceivedData() {
            Result result = probing(peerFixture().flags("endpoint.test-peer.x"), endpoints -> {
                TestPeers ep = endpoints.get("test-peer", TestPeers.class);
                assertThat(endpoints.fromName("test-peer")).containsSame(ep);
                assertThat(endpoints.fromFlag("endpoint.test-peer.x")).containsSame(ep);
                assertThat(ep.relations().keys()).containsExactly("test-peer:0");
                assertThat(ep.allJoinedUnits().unitNames()).containsExactly("local/0");
                assertThat(ep.relations().get(0).applicationName()).isEqualTo("local");
                assertThat(ep.allJoinedUnits().received()).isEqualTo(Map.of("key", "value"));
                assertThat(ep.relations().get(0).receivedApp()).isEqualTo(Map.of("app-key", "value"));
                ep.relations().get(0).toPublish().put("key", "new");
            });
            assertThat(result.flags()).contains("endpoint.test-peer.joined", "endpoint.test-peer.changed",
                    "alias.test-peer.joined");
            assertThat(relationSets(result)).hasSize(1);
        }

        @Test
        void e17_toPublishAppAndHandlers() {
            Result first = probing(peerFixture(), endpoints -> endpoints.get("test-peer", TestPeers.class)
                    .relations().get(0).toPublishApp().put("app-key", "new"));
            assertThat(first.localAppData("test-peer:0")).containsEntry("app-key", "\"new\"");
            assertThat(first.invoked()).contains("TestPeers.joined:test-peer", "TestPeers.changed:test-peer");
            JsonObject cleared = without(first.state(), "endpoint.test-peer.joined", "endpoint.test-peer.changed",
                    "endpoint.test-peer.changed.key");
            assertThat(peerFixture().state(cleared).run().invoked()).containsExactly("TestPeers.joined:test-peer");
            assertThat(peerFixture().state(cleared).relation(peer.localUnitData(Map.of("key", "other"))).run().invoked())
                    .containsExactly("TestPeers.joined:test-peer", "TestPeers.changed:test-peer");
        }
    }
}
