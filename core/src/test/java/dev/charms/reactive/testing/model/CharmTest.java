package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.testing.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmTest {

    static class Handlers {
        @Hook("install")
        void install() {
        }
    }

    @Test
    void aSourceDirectoryGivesRelationsWithTheirScopeOptionsAndActions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("metadata.yaml"), """
                name: monitor
                subordinate: true
                requires:
                  host: {interface: juju-info, scope: container}
                  db: mysql
                peers:
                  cluster: {interface: monitor-cluster}
                """);
        Files.writeString(dir.resolve("config.yaml"), "options: {interval: {type: int, default: 60}}");
        Files.writeString(dir.resolve("actions.yaml"), "pause: {}\nresume: {}");
        Charm charm = Charm.fromDirectory(dir, Handlers.class);

        assertThat(charm.relations()).containsExactly(RelationDeclaration.requires("host", "juju-info"),
                RelationDeclaration.requires("db", "mysql"), RelationDeclaration.peers("cluster", "monitor-cluster"));
        assertThat(charm.subordinate()).isTrue();
        assertThat(charm.containerScoped("host")).isTrue();
        assertThat(charm.containerScoped("db")).isFalse();
        assertThat(charm.options()).containsExactly(ConfigOption.integer("interval", 60L));
        assertThat(charm.actions()).containsOnlyKeys("pause", "resume");
        assertThat(charm.actionNames()).containsExactly("pause", "resume");
        assertThat(charm.revision()).isEqualTo(1);
        assertThat(charm.name()).contains("monitor");
    }

    static class Pauser {
        @Action("pause")
        void pause(ActionContext action, Config config) {
            action.set("interval", config.getInt("interval"));
        }

        @Hook("{requires:mysql}-relation-joined")
        void joined() {
        }
    }

    @Test
    void aCharmsHarnessRunsItsHandlersWithItsRelationsOptionsAndActions() {
        Charm charm = Charm.of(Pauser.class).metadataYaml("name: pauser\nrequires: {db: mysql}")
                .configYaml("options: {interval: {type: int, default: 60}}")
                .actionsYaml("pause: {additionalProperties: false}");

        Result joined = charm.harness().hook("db-relation-joined").run();
        assertThat(joined.invoked()).containsExactly("Pauser.joined");
        assertThat(joined.unitName()).isEqualTo("pauser/0");
        assertThat(Charm.of(Pauser.class).harness().hook("install").run().unitName()).isEqualTo("local/0");
        assertThat(charm.harness().action("pause", Map.of()).run().actionResults()).containsEntry("interval", "60");
        assertThat(charm.harness().action("pause", Map.of("now", true)).run().actionFailure())
                .hasValueSatisfying(message -> assertThat(message).contains("now"));
    }

    @Test
    void aCharmHasTheNameOfItsMetadata() {
        assertThat(Charm.of(Handlers.class).name()).isEmpty();
        assertThat(Charm.of(Handlers.class).metadataYaml("summary: no name").name()).isEmpty();
        assertThat(Charm.of(Handlers.class).metadataYaml("name: web").revision(2).configYaml("options: {}").name())
                .contains("web");
        assertThatThrownBy(() -> Charm.of(Handlers.class).metadataYaml("name: [web]"))
                .hasMessage("metadata.yaml:1:7: the charm's name must be a plain value");
    }

    @Test
    void onlyMetadataYamlIsRequiredAndErrorsNameTheFileWithItsPath(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Charm.fromDirectory(dir, Handlers.class)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dir.resolve("metadata.yaml").toString())
                .hasMessageContaining("every charm needs one; is " + dir + " the charm's source directory?");

        Files.writeString(dir.resolve("metadata.yaml"), "name: plain");
        Charm plain = Charm.fromDirectory(dir, Handlers.class);
        assertThat(plain.relations()).isEmpty();
        assertThat(plain.options()).isEmpty();
        assertThat(plain.actions()).isEmpty();

        Files.writeString(dir.resolve("actions.yaml"), "Backup: {}");
        assertThatThrownBy(() -> Charm.fromDirectory(dir, Handlers.class))
                .hasMessageStartingWith(dir.resolve("actions.yaml") + ":1:1: bad action name \"Backup\"");
    }

    @Test
    void aScopeOtherThanGlobalOrContainerIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Charm.of(Handlers.class).metadataYaml("""
                requires:
                  host: {interface: juju-info, scope: machine}
                """)).hasMessage("metadata.yaml:2:39: requires relation \"host\" has scope \"machine\"; use global"
                + " (the default) or container");
    }

    @Test
    void aRevisionIsARevisionOfTheSameCharm() {
        Charm first = Charm.of(Handlers.class).configYaml("options: {a: {type: string}}");
        Charm second = first.revision(2);

        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.options()).isEqualTo(first.options());
        assertThatThrownBy(() -> first.revision(-1)).hasMessage("a charm revision is 0 or more, not -1");
    }
}
