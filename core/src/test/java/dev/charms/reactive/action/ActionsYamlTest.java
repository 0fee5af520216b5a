package dev.charms.reactive.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionsYamlTest {

    @Test
    void readsParamsTypesDefaultsRequiredAndAdditionalProperties() {
        Map<String, ActionSpec> actions = ActionsYaml.parse("""
                backup:
                  description: Back up.
                  params:
                    target: {type: string}
                    level: {type: integer, default: 3}
                    ratio: {type: number, default: 1}
                    tags: {type: array, default: [a, b]}
                    extra: {description: anything}
                  required: [target]
                  additionalProperties: false
                restart:
                """, "actions.yaml");

        assertThat(actions.keySet()).containsExactly("backup", "restart");
        ActionSpec backup = actions.get("backup");
        assertThat(backup.params()).containsExactly(
                Map.entry("target", new ActionSpec.Param("string", null)),
                Map.entry("level", new ActionSpec.Param("integer", 3L)),
                Map.entry("ratio", new ActionSpec.Param("number", 1L)),
                Map.entry("tags", new ActionSpec.Param("array", List.of("a", "b"))),
                Map.entry("extra", new ActionSpec.Param(null, null)));
        assertThat(backup.required()).containsExactly("target");
        assertThat(backup.additionalProperties()).isFalse();
        assertThat(actions.get("restart")).isEqualTo(new ActionSpec("restart", Map.of(), List.of(), true));
    }

    @Test
    void anEmptyFileHasNoActions() {
        assertThat(ActionsYaml.parse("", "actions.yaml")).isEmpty();
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        assertThatThrownBy(() -> ActionsYaml.parse("backup:\n  params:\n    level: {type: int}\n", "actions.yaml"))
                .hasMessage("actions.yaml:3:19: parameter \"level\" of action \"backup\" has type \"int\"; use one of "
                        + "array, boolean, integer, number, object, string");
        assertThatThrownBy(() -> ActionsYaml.parse("backup:\n  params:\n    level: {type: integer, default: x}\n",
                "actions.yaml"))
                .hasMessage("actions.yaml:3:37: the default of parameter \"level\" of action \"backup\" is not an "
                        + "integer; change the default or the type");
        assertThatThrownBy(() -> ActionsYaml.parse("backup:\n  required: [target]\n", "actions.yaml"))
                .hasMessage("actions.yaml:2:14: action \"backup\" requires parameter \"target\", which its params "
                        + "do not declare (none)");
        assertThatThrownBy(() -> ActionsYaml.parse("Backup_Now:\n", "actions.yaml"))
                .hasMessageStartingWith("actions.yaml:1:1: bad action name \"Backup_Now\"");
        assertThatThrownBy(() -> ActionsYaml.parse("juju-run:\n", "actions.yaml"))
                .hasMessageStartingWith("actions.yaml:1:1: bad action name \"juju-run\"");
        assertThatThrownBy(() -> ActionsYaml.parse("backup:\n  additionalProperties: no-thanks\n", "actions.yaml"))
                .hasMessage("actions.yaml:2:25: \"additionalProperties\" of action \"backup\" must be true or false");
        assertThatThrownBy(() -> ActionsYaml.parse("backup: [\n", "actions.yaml"))
                .hasMessageStartingWith("actions.yaml:2:1: invalid YAML");
    }

    @Test
    void validateAppliesDefaultsAndChecksEveryType() {
        ActionSpec spec = ActionsYaml.parse("""
                a:
                  params:
                    s: {type: string}
                    i: {type: integer}
                    n: {type: number}
                    b: {type: boolean}
                    l: {type: array}
                    o: {type: object}
                    d: {type: integer, default: 7}
                """, "actions.yaml").get("a");

        assertThat(spec.validate(Map.of("s", "x", "i", 2L, "n", 2.5, "b", true, "l", List.of(), "o", Map.of(),
                "other", 1L))).containsEntry("d", 7L).containsEntry("other", 1L).hasSize(8);
        assertThat(spec.validate(Map.of("i", 4.0))).containsEntry("i", 4.0);
        assertThatThrownBy(() -> spec.validate(Map.of("i", 4.5))).isInstanceOf(ActionParamsException.class)
                .hasMessage("invalid parameters for action a: parameter \"i\" must be an integer, not a number (4.5)");
        for (String param : List.of("s", "n", "b", "l", "o")) {
            assertThatThrownBy(() -> spec.validate(Map.of(param, param.equals("s") ? 1L : "text")))
                    .hasMessageContaining("parameter \"" + param + "\" must be");
        }
    }
}
