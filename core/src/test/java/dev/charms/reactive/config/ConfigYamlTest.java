package dev.charms.reactive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigYamlTest {

    @Test
    void optionsComeInFileOrderWithTypedDefaults() {
        assertThat(ConfigYaml.parse("""
                options:
                  zeta: {type: string, default: "1"}
                  alpha: {type: int, default: 3}
                  ratio: {type: float, default: 2}
                  flag: {type: boolean, default: true}
                  untyped: {default: hi}
                  nodefault: {type: int}
                """, "config.yaml")).containsExactly(
                new ConfigOption("zeta", "string", "1"),
                new ConfigOption("alpha", "int", 3L),
                new ConfigOption("ratio", "float", 2.0),
                new ConfigOption("flag", "boolean", true),
                new ConfigOption("untyped", "string", "hi"),
                new ConfigOption("nodefault", "int", null));
    }

    @Test
    void anEmptyFileOrNoOptionsDeclaresNothing() {
        assertThat(ConfigYaml.parse("", "config.yaml")).isEmpty();
        assertThat(ConfigYaml.parse("options:\n", "config.yaml")).isEmpty();
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        assertThatThrownBy(() -> ConfigYaml.parse("options:\n  port: {type: int, default: eighty}\n", "config.yaml"))
                .hasMessage("config.yaml:2:30: the default of \"port\" is \"eighty\", which is not an int; change the "
                        + "default or the type");
        assertThatThrownBy(() -> ConfigYaml.parse("options:\n  port:\n    type: integer\n", "layer/config.yaml"))
                .hasMessage("layer/config.yaml:3:11: option \"port\" has type \"integer\"; use one of string, int, "
                        + "float, boolean, secret");
        assertThatThrownBy(() -> ConfigYaml.parse("options: [a, b]\n", "config.yaml"))
                .hasMessage("config.yaml:1:10: \"options\" must be a mapping of names to values");
        assertThatThrownBy(() -> ConfigYaml.parse("options:\n  port: {type: int\n", "config.yaml"))
                .hasMessageStartingWith("config.yaml:3:1: invalid YAML: ");
    }
}
