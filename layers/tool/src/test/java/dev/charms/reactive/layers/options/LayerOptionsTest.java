package dev.charms.reactive.layers.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerConfig;
import dev.charms.reactive.layers.source.LayerFiles;
import dev.charms.reactive.layers.source.LayerKind;
import dev.charms.reactive.layers.yaml.YamlDocuments;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class LayerOptionsTest {

    private static final String BASIC = """
            defines:
              java-version: {type: integer, default: 17}
              packages: {type: array, items: {type: string}, default: []}
            """;

    /** A layer whose only file is the given layer.yaml, at /NAME. */
    private static Layer layer(String name, String layerYaml) {
        LayerFiles files = new LayerFiles() {
            @Override
            public String location() {
                return "/" + name;
            }

            @Override
            public boolean isFile(String path) {
                return path.equals("layer.yaml");
            }

            @Override
            public List<String> list(BiPredicate<String, Boolean> skip) {
                return List.of("layer.yaml");
            }

            @Override
            public InputStream open(String path) {
                return new ByteArrayInputStream(layerYaml.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean executable(String path) {
                return false;
            }
        };
        List<String> warnings = new ArrayList<>();
        LayerConfig config = LayerConfig.read(files, LayerKind.LAYER, warnings::add);
        assertThat(warnings).isEmpty();
        return new Layer(name, LayerKind.LAYER, "layer:" + name, files, config, Optional.empty());
    }

    private static Map<String, Object> yaml(String text) {
        return YamlDocuments.readMap(text, "expected");
    }

    @Test
    void defaultsAreFilledInAndAHigherLayersValueWins() {
        Map<String, Map<String, Object>> options = LayerOptions.resolve(List.of(
                layer("basic", BASIC),
                layer("web", """
                        defines:
                          port: {type: integer, default: 80}
                          tls:
                            type: object
                            properties:
                              enabled: {type: boolean, default: false}
                              cert: {type: string}
                          motd: {type: string}
                        options:
                          basic: {packages: [nginx]}
                        """),
                layer("charm", """
                        options:
                          basic: {java-version: 21, packages: [nginx, curl]}
                          web: {tls: {cert: /etc/cert.pem}}
                        """)));

        assertThat(options).isEqualTo(yaml("""
                basic: {java-version: 21, packages: [nginx, curl]}
                web: {port: 80, tls: {cert: /etc/cert.pem, enabled: false}}
                """));
        assertThat(options.keySet()).containsExactly("basic", "web");
    }

    @Test
    void everyProblemIsReportedOnceWithTheLayerYamlThatCausedIt() {
        assertThatThrownBy(() -> LayerOptions.resolve(List.of(
                layer("basic", BASIC),
                layer("web", "options:\n  basik: {java-version: 11}\n"),
                layer("charm", """
                        options:
                          basic: {java-versoin: 11, packages: [1]}
                          web: {port: 8080}
                        """))))
                .isInstanceOf(LayerToolException.class)
                .hasMessage("""
                        invalid layer options:
                          /web/layer.yaml: sets options for layer 'basik', which is not in this build (did you mean\
                         'basic'?); layers that define options: basic
                          /charm/layer.yaml: sets option basic.java-versoin, which layer 'basic' does not define\
                         (did you mean 'java-version'?); it defines: java-version, packages
                          /charm/layer.yaml: options.basic.packages[0]: expected string, got an integer (1)
                          /charm/layer.yaml: sets options for layer 'web', which defines no options; layers that\
                         define options: basic""");
    }

    @Test
    void valuesAreCheckedAgainstTypeAndEnum() {
        Layer db = layer("db", """
                defines:
                  engine: {type: string, enum: [mysql, postgresql], default: mysql}
                  replicas: {type: integer}
                  ratio: {type: number}
                  strict: {type: object, additionalProperties: false, properties: {a: {type: boolean}}}
                """);

        assertThatThrownBy(() -> LayerOptions.resolve(List.of(db, layer("charm", """
                options:
                  db: {engine: oracle, replicas: "3", ratio: 0.5, strict: {a: true, b: 1}}
                """))))
                .hasMessage("""
                        invalid layer options:
                          /charm/layer.yaml: options.db.engine: must be one of [mysql, postgresql], got "oracle"
                          /charm/layer.yaml: options.db.replicas: expected integer, got a string ("3")
                          /charm/layer.yaml: options.db.strict: unknown property "b"; known: a""");
    }

    @Test
    void anOptionWithoutDefaultThatIsNotSetIsLeftOut() {
        Map<String, Map<String, Object>> options = LayerOptions.resolve(List.of(
                layer("db", "defines:\n  replicas: {type: integer}\n  engine: {default: mysql}\n")));

        assertThat(options).isEqualTo(yaml("db: {engine: mysql}\n"));
    }

    @Test
    void aSchemaKeywordOutsideTheSubsetIsAnError() {
        assertThatThrownBy(() -> LayerOptions.resolve(List.of(
                layer("db", "defines:\n  name: {type: string, pattern: '^[a-z]+$'}\n"))))
                .hasMessage("/db/layer.yaml: defines.name: schema keyword \"pattern\" is not supported; use"
                        + " additionalProperties, default, description, enum, items, properties, title, type");
    }

    @Test
    void aDefaultThatDoesNotMatchItsOwnSchemaIsAnError() {
        assertThatThrownBy(() -> LayerOptions.resolve(List.of(
                layer("db", "defines:\n  port: {type: integer, default: eighty}\n"))))
                .hasMessage("/db/layer.yaml: defines.port: default: expected integer, got a string (\"eighty\")");
        assertThatThrownBy(() -> LayerOptions.resolve(List.of(layer("db", "defines:\n  port: {type: int}\n"))))
                .hasMessage("/db/layer.yaml: defines.port: type int is not one of array, boolean, integer, null,"
                        + " number, object, string");
    }
}
