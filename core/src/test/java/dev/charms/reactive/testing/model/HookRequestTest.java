package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.UnitName;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookRequestTest {

    private static final Charm CHARM = Charm.of(CharmTest.Handlers.class);

    @Test
    void aRelationHookSetsTheRelationVariablesJujuSets() {
        HookRequest request = new HookRequest(CHARM, "monitor/1", "3", "host-relation-departed",
                Optional.of("host:7"), Optional.of("app/1"), Optional.of("app"), Optional.of("monitor/1"),
                Optional.empty(), Optional.of("app/1"), Optional.empty(), new JsonObject());

        assertThat(request.environment(Path.of("/charm"))).containsExactly(
                Map.entry("JUJU_DISPATCH_PATH", "hooks/host-relation-departed"),
                Map.entry("JUJU_HOOK_NAME", "host-relation-departed"),
                Map.entry("JUJU_UNIT_NAME", "monitor/1"),
                Map.entry("JUJU_MACHINE_ID", "3"),
                Map.entry("JUJU_CHARM_DIR", "/charm"),
                Map.entry("CHARM_DIR", "/charm"),
                Map.entry("JUJU_RELATION", "host"),
                Map.entry("JUJU_RELATION_ID", "host:7"),
                Map.entry("JUJU_REMOTE_UNIT", "app/1"),
                Map.entry("JUJU_REMOTE_APP", "app"),
                Map.entry("JUJU_DEPARTING_UNIT", "monitor/1"),
                Map.entry("JUJU_PRINCIPAL_UNIT", "app/1"));
        HookEnvironment environment = HookEnvironment.of(request.environment(Path.of("/charm")));
        assertThat(environment.departingUnit()).contains(UnitName.parse("monitor/1"));
        assertThat(environment.principalUnit()).contains(UnitName.parse("app/1"));
    }

    @Test
    void anActionIsDispatchedFromActions() {
        HookRequest request = new HookRequest(CHARM, "app/0", "0", "backup", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new ActionInvocation("backup", Map.of("to", "/srv"))),
                Optional.empty(), Optional.empty(), new JsonObject());

        assertThat(request.environment(Path.of("/charm"))).containsEntry("JUJU_DISPATCH_PATH", "actions/backup")
                .containsEntry("JUJU_ACTION_NAME", "backup").doesNotContainKeys("JUJU_HOOK_NAME", "JUJU_RELATION_ID");
        assertThat(HookEnvironment.of(request.environment(Path.of("/charm"))).actionName()).contains("backup");
    }

    @Test
    void preSeriesUpgradeCarriesTheTargetBase() {
        HookRequest request = new HookRequest(CHARM, "app/0", "0", "pre-series-upgrade", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("ubuntu@24.04"), new JsonObject());

        assertThat(request.environment(Path.of("/charm"))).containsEntry("JUJU_TARGET_BASE", "ubuntu@24.04");
        assertThat(HookEnvironment.of(request.environment(Path.of("/charm"))).targetBase()).contains("ubuntu@24.04");
    }

    @Test
    void theStateIsACopyEachWay() {
        JsonObject state = new JsonObject();
        HookRequest request = new HookRequest(CHARM, "app/0", "0", "install", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), state);
        state.addProperty("later", 1);
        request.state().addProperty("also", 2);

        assertThat(request.state().keySet()).isEmpty();
    }
}
