package dev.charms.reactive.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookEnvironmentTest {

    private static Map<String, String> hook(String dispatchPath, String... more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "JUJU_DISPATCH_PATH", dispatchPath,
                "JUJU_UNIT_NAME", "hello/0",
                "JUJU_CHARM_DIR", "/var/lib/juju/agents/unit-hello-0/charm",
                "PATH", "/usr/bin"));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    @Test
    void readsAUnitHook() {
        HookEnvironment hook = HookEnvironment.of(hook("hooks/install", "JUJU_HOOK_NAME", "install",
                "JUJU_MODEL_NAME", "prod", "JUJU_VERSION", "3.6.1", "JUJU_AVAILABILITY_ZONE", "zone-a"));

        assertThat(hook.hookName()).isEqualTo(new HookName("install", HookKind.INSTALL, Optional.empty()));
        assertThat(hook.kind()).isEqualTo(HookKind.INSTALL);
        assertThat(hook.isRelationHook()).isFalse();
        assertThat(hook.isAction()).isFalse();
        assertThat(hook.unit()).isEqualTo(new UnitName("hello", 0));
        assertThat(hook.application()).isEqualTo("hello");
        assertThat(hook.charmDir()).isEqualTo(Path.of("/var/lib/juju/agents/unit-hello-0/charm"));
        assertThat(hook.modelName()).contains("prod");
        assertThat(hook.jujuVersion()).contains(new JujuVersion(3, 6, "", 1, 0));
        assertThat(hook.availabilityZone()).contains("zone-a");
        assertThat(hook.relationId()).isEmpty();
        assertThat(hook.actionName()).isEmpty();
        assertThat(hook.variables()).doesNotContainKey("PATH").containsEntry("JUJU_MODEL_NAME", "prod");
        assertThat(hook).hasToString("install on hello/0");
    }

    @Test
    void readsARelationHookWhoseEndpointHasHyphens() {
        HookEnvironment hook = HookEnvironment.of(hook("hooks/db-admin-relation-departed",
                "JUJU_RELATION", "db-admin", "JUJU_RELATION_ID", "db-admin:12", "JUJU_REMOTE_UNIT", "mysql/3",
                "JUJU_DEPARTING_UNIT", "mysql/3"));

        assertThat(hook.kind()).isEqualTo(HookKind.RELATION_DEPARTED);
        assertThat(hook.isRelationHook()).isTrue();
        assertThat(hook.hookName().endpoint()).contains("db-admin");
        assertThat(hook.relation()).contains("db-admin");
        assertThat(hook.relationId()).contains(new RelationId("db-admin", 12));
        assertThat(hook.remoteUnit()).contains(new UnitName("mysql", 3));
        assertThat(hook.remoteApp()).as("derived from the remote unit").contains("mysql");
        assertThat(hook.departingUnit()).contains(new UnitName("mysql", 3));
    }

    @Test
    void emptyVariablesCountAsUnset() {
        HookEnvironment hook = HookEnvironment.of(hook("hooks/db-relation-created", "JUJU_RELATION_ID", "db:1",
                "JUJU_REMOTE_UNIT", "", "JUJU_REMOTE_APP", "mysql", "JUJU_VERSION", ""));

        assertThat(hook.remoteUnit()).isEmpty();
        assertThat(hook.remoteApp()).contains("mysql");
        assertThat(hook.jujuVersion()).isEmpty();
        assertThat(hook.relation()).as("from the relation id").contains("db");
    }

    @Test
    void readsAnAction() {
        HookEnvironment hook = HookEnvironment.of(hook("actions/backup", "JUJU_ACTION_NAME", "backup",
                "JUJU_ACTION_UUID", "42"));

        assertThat(hook.isAction()).isTrue();
        assertThat(hook.kind()).isEqualTo(HookKind.ACTION);
        assertThat(hook.actionName()).contains("backup");
        assertThat(hook.actionUuid()).contains("42");
        assertThat(hook).hasToString("action backup on hello/0");
    }

    @Test
    void acceptsAnAbsoluteDispatchPathAndTheLegacyCharmDir() {
        Map<String, String> environment = hook("/var/lib/juju/agents/unit-hello-0/charm/hooks/upgrade-charm");
        environment.remove("JUJU_CHARM_DIR");
        environment.put("CHARM_DIR", "/srv/charm");

        HookEnvironment hook = HookEnvironment.of(environment);

        assertThat(hook.kind()).isEqualTo(HookKind.UPGRADE_CHARM);
        assertThat(hook.charmDir()).isEqualTo(Path.of("/srv/charm"));
    }

    @Test
    void readsSeriesUpgradeStorageAndSecretVariables() {
        HookEnvironment hook = HookEnvironment.of(hook("hooks/pre-series-upgrade", "JUJU_TARGET_BASE", "ubuntu@24.04",
                "JUJU_TARGET_SERIES", "noble", "JUJU_STORAGE_ID", "data/0", "JUJU_STORAGE_KIND", "filesystem",
                "JUJU_STORAGE_LOCATION", "/srv/data", "JUJU_SECRET_REVISION", "3", "JUJU_PRINCIPAL_UNIT", "ubuntu/1",
                "JUJU_MODEL_UUID", "0b6a8bd4-1f2e-4d0c-8b2e-7a4d2c0e9f3a", "JUJU_NOTICE_KEY", "example.com/x"));

        assertThat(hook.kind()).isEqualTo(HookKind.PRE_SERIES_UPGRADE);
        assertThat(hook.targetBase()).contains("ubuntu@24.04");
        assertThat(hook.targetSeries()).contains("noble");
        assertThat(hook.storageId()).contains("data/0");
        assertThat(hook.storageKind()).contains("filesystem");
        assertThat(hook.storageLocation()).contains(Path.of("/srv/data"));
        assertThat(hook.secretRevision()).contains(3);
        assertThat(hook.principalUnit()).contains(new UnitName("ubuntu", 1));
        assertThat(hook.modelUuid()).contains("0b6a8bd4-1f2e-4d0c-8b2e-7a4d2c0e9f3a");
        assertThat(hook.variable("JUJU_NOTICE_KEY")).contains("example.com/x");
    }

    @Test
    void reportsEveryMissingRequiredVariableAtOnce() {
        assertThatThrownBy(() -> HookEnvironment.of(Map.of("PATH", "/usr/bin")))
                .isInstanceOfSatisfying(HookEnvironmentException.class, e -> assertThat(e.problems())
                        .extracting(HookEnvironmentException.Problem::variable)
                        .containsExactly("JUJU_UNIT_NAME", "JUJU_CHARM_DIR", "JUJU_DISPATCH_PATH"))
                .hasMessage("bad hook environment, 3 problems:\n"
                        + "  - JUJU_UNIT_NAME is not set: expected <application>/<number>, such as mysql/0\n"
                        + "  - JUJU_CHARM_DIR is not set: expected the charm's directory (older Juju sets CHARM_DIR)\n"
                        + "  - JUJU_DISPATCH_PATH is not set: expected hooks/<hook> or actions/<action>, such as hooks/install\n"
                        + "Is this running inside a Juju hook, through the charm's dispatch script?");
    }

    @Test
    void aMalformedVariableIsNamedWithItsValueAndWhatWasExpected() {
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/install", "JUJU_UNIT_NAME", "Hello-0")))
                .isInstanceOf(HookEnvironmentException.class)
                .hasMessage("bad hook environment: JUJU_UNIT_NAME is \"Hello-0\": expected <application>/<number>,"
                        + " such as mysql/0. Is this running inside a Juju hook, through the charm's dispatch script?");
    }

    @Test
    void checksTheFormOfOptionalVariables() {
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/start", "JUJU_VERSION", "three",
                "JUJU_REMOTE_UNIT", "mysql", "JUJU_TARGET_BASE", "noble", "JUJU_SECRET_REVISION", "0",
                "JUJU_STORAGE_KIND", "tape", "JUJU_MODEL_UUID", "not-a-uuid")))
                .isInstanceOfSatisfying(HookEnvironmentException.class, e -> assertThat(e.problems())
                        .extracting(HookEnvironmentException.Problem::variable)
                        .containsExactly("JUJU_REMOTE_UNIT", "JUJU_MODEL_UUID", "JUJU_VERSION", "JUJU_TARGET_BASE",
                                "JUJU_STORAGE_KIND", "JUJU_SECRET_REVISION"));
    }

    @Test
    void theDispatchPathMustNameAHookOrAnAction() {
        assertThatThrownBy(() -> HookEnvironment.of(hook("dispatch")))
                .hasMessageContaining("JUJU_DISPATCH_PATH is \"dispatch\": expected hooks/<hook> or actions/<action>");
        assertThatThrownBy(() -> HookEnvironment.of(hook("bin/install")))
                .hasMessageContaining("JUJU_DISPATCH_PATH is \"bin/install\"");
    }

    @Test
    void variablesThatDisagreeWithTheDispatchPathAreNamed() {
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/install", "JUJU_HOOK_NAME", "start")))
                .hasMessageContaining("JUJU_HOOK_NAME is \"start\": expected the hook named by JUJU_DISPATCH_PATH (install)");
        assertThatThrownBy(() -> HookEnvironment.of(hook("actions/backup", "JUJU_ACTION_NAME", "restore")))
                .hasMessageContaining("JUJU_ACTION_NAME is \"restore\": expected the action named by JUJU_DISPATCH_PATH (backup)");
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/start", "JUJU_REMOTE_UNIT", "mysql/0", "JUJU_REMOTE_APP", "pg")))
                .hasMessageContaining("JUJU_REMOTE_APP is \"pg\": expected the application of JUJU_REMOTE_UNIT (mysql)");
    }

    @Test
    void aRelationHookNeedsARelationIdOfItsEndpoint() {
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/db-relation-joined")))
                .hasMessageContaining("JUJU_RELATION_ID is not set: expected a relation id of endpoint db,"
                        + " which hook db-relation-joined is about");
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/db-relation-joined", "JUJU_RELATION_ID", "cache:4",
                "JUJU_RELATION", "cache")))
                .isInstanceOfSatisfying(HookEnvironmentException.class, e -> assertThat(e.problems())
                        .extracting(HookEnvironmentException.Problem::variable)
                        .containsExactly("JUJU_RELATION_ID", "JUJU_RELATION"));
        assertThatThrownBy(() -> HookEnvironment.of(hook("hooks/db-relation-joined", "JUJU_RELATION_ID", "db")))
                .hasMessageContaining("JUJU_RELATION_ID is \"db\": expected <endpoint>:<number>, such as db:3");
    }

    @Test
    void checksARelationHooksEndpointAgainstTheDeclaredOnes() {
        HookEnvironment hook = HookEnvironment.of(hook("hooks/databse-relation-changed", "JUJU_RELATION_ID", "databse:2"));

        assertThat(HookEnvironment.of(hook("hooks/install")).hookName(List.of("database")).kind()).isEqualTo(HookKind.INSTALL);
        assertThatThrownBy(() -> hook.hookName(List.of("database", "website")))
                .isInstanceOf(HookEnvironmentException.class)
                .hasMessageContaining("JUJU_DISPATCH_PATH is \"hooks/databse-relation-changed\": expected a relation hook"
                        + " of an endpoint declared in metadata.yaml [database, website], but databse is not one;"
                        + " did you mean database?");
    }

    @Test
    void equalEnvironmentsAreEqual() {
        assertThat(HookEnvironment.of(hook("hooks/start", "OTHER", "1")))
                .isEqualTo(HookEnvironment.of(hook("hooks/start")))
                .hasSameHashCodeAs(HookEnvironment.of(hook("hooks/start")))
                .isNotEqualTo(HookEnvironment.of(hook("hooks/stop")));
    }
}
