package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Hook;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.dispatch.RelationDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(charm.revision()).isEqualTo(1);
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
