package dev.charms.reactive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.dispatch.RelationDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charm files through their digest: the same declarations as the YAML, used only while the YAML is unchanged. */
class CharmFilesTest {
    @TempDir
    Path charmDir;

    private Path digest;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectory(charmDir.resolve(".reactive"));
        digest = charmDir.resolve(".reactive/charm-files.json");
        Files.writeString(charmDir.resolve("metadata.yaml"), """
                name: app
                provides:
                  website: {interface: http}
                requires:
                  db: mysql
                peers:
                  cluster: {interface: app-peers}
                """);
        Files.writeString(charmDir.resolve("config.yaml"), """
                options:
                  name: {type: string, default: "app"}
                  port: {type: int, default: 8080}
                  ratio: {type: float, default: 1}
                  debug: {type: boolean, default: false}
                  secret: {type: secret}
                """);
        Files.writeString(charmDir.resolve("actions.yaml"), """
                backup:
                  params:
                    target: {type: string}
                    level: {type: integer, default: 3}
                    weight: {type: number, default: 1.0}
                    tags: {type: array, default: [a, 1, null, {k: v}]}
                    options: {type: object, default: {compress: true, depth: {max: 2}}}
                    anything:
                  required: [target]
                  additionalProperties: false
                idle:
                """);
    }

    @Test
    void theDigestGivesBackExactlyWhatTheYamlDeclares() throws IOException {
        CharmFiles fromYaml = CharmFiles.read(charmDir);

        assertThat(CharmFiles.digest(charmDir)).isEqualTo(fromYaml);
        assertThat(digest).exists();
        CharmFiles fromDigest = CharmFiles.read(charmDir);

        assertThat(fromDigest).isEqualTo(fromYaml);
        assertThat(fromDigest.relations()).containsExactly(RelationDeclaration.provides("website", "http"),
                RelationDeclaration.requires("db", "mysql"), RelationDeclaration.peers("cluster", "app-peers"));
        assertThat(fromDigest.configOptions()).containsExactly(ConfigOption.string("name", "app"),
                ConfigOption.integer("port", 8080L), new ConfigOption("ratio", "float", 1.0),
                ConfigOption.bool("debug", false), new ConfigOption("secret", "secret", null));
        ActionSpec backup = fromDigest.actions().get("backup");
        assertThat(backup.params().keySet()).containsExactly("target", "level", "weight", "tags", "options", "anything");
        assertThat(backup.params().get("level").defaultValue()).isEqualTo(3L);
        assertThat(backup.params().get("weight").defaultValue()).isEqualTo(1.0);
        assertThat(backup.params().get("tags").defaultValue()).isEqualTo(Arrays.asList("a", 1L, null, Map.of("k", "v")));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("compress", true);
        options.put("depth", Map.of("max", 2L));
        assertThat(backup.params().get("options").defaultValue()).isEqualTo(options);
        assertThat(backup.params().get("anything")).isEqualTo(new ActionSpec.Param(null, null));
        assertThat(backup.required()).containsExactly("target");
        assertThat(backup.additionalProperties()).isFalse();
        assertThat(fromDigest.actions().get("idle")).isEqualTo(new ActionSpec("idle", Map.of(), List.of(), true));
    }

    @Test
    void aHookReadsTheDigestWhileEveryFileIsAsDigestedAndTheYamlOnceOneChanges() throws IOException {
        CharmFiles.digest(charmDir);
        Files.writeString(digest, Files.readString(digest).replace("\"interface\":\"mysql\"", "\"interface\":\"pgsql\""));

        assertThat(CharmFiles.read(charmDir).relations()).as("the digest is what a hook reads")
                .contains(RelationDeclaration.requires("db", "pgsql"));

        Files.writeString(charmDir.resolve("actions.yaml"), "idle:\n");
        CharmFiles changed = CharmFiles.read(charmDir);

        assertThat(changed.relations()).contains(RelationDeclaration.requires("db", "mysql"));
        assertThat(changed.actions().keySet()).containsExactly("idle");

        Files.delete(charmDir.resolve("actions.yaml"));
        assertThat(CharmFiles.read(charmDir).actions()).isEmpty();
    }

    @Test
    void aDamagedDigestIsIgnored() throws IOException {
        CharmFiles fromYaml = CharmFiles.digest(charmDir);

        for (String damage : List.of("", "{", "[]", "{\"format\": 1}", "{\"format\": 2}",
                Files.readString(digest).replace("\"relations\":[", "\"relations\":[7,"))) {
            Files.writeString(digest, damage);
            assertThat(CharmFiles.read(charmDir)).as(damage).isEqualTo(fromYaml);
        }
    }

    @Test
    void aValueJsonCannotHoldExactlyGetsNoDigest() throws IOException {
        CharmFiles.digest(charmDir);
        Files.writeString(charmDir.resolve("actions.yaml"), "backup:\n  params:\n    since: {default: 2001-12-14}\n");

        CharmFiles files = CharmFiles.digest(charmDir);

        assertThat(digest).doesNotExist();
        assertThat(files.actions().get("backup").params().get("since").defaultValue()).isInstanceOf(java.util.Date.class);
        assertThat(CharmFiles.read(charmDir)).isEqualTo(files);
    }
}
