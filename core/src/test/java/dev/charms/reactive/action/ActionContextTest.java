package dev.charms.reactive.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.testing.InMemoryJujuBackend;
import dev.charms.reactive.testing.InMemoryJujuBackend.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionContextTest {
    private final InMemoryJujuBackend backend = new InMemoryJujuBackend();
    private final ActionContext action = new ActionContext("backup",
            Map.of("target", "/srv", "level", 3L, "whole", 4.0, "fast", true, "tags", List.of("a"),
                    "opts", Map.of("k", "v")), backend);

    @Test
    void typedGettersReadTheParams() {
        assertThat(action.name()).isEqualTo("backup");
        assertThat(action.getString("target")).isEqualTo("/srv");
        assertThat(action.getLong("level")).isEqualTo(3L);
        assertThat(action.getLong("whole")).isEqualTo(4L);
        assertThat(action.getDouble("level")).isEqualTo(3.0);
        assertThat(action.getBoolean("fast")).isTrue();
        assertThat(action.getList("tags")).containsExactly("a");
        assertThat(action.getMap("opts")).containsEntry("k", "v");
        assertThat(action.has("target")).isTrue();
        assertThat(action.has("missing")).isFalse();
    }

    @Test
    void aMissingOrMistypedParamIsNamed() {
        assertThatThrownBy(() -> action.getString("missing"))
                .hasMessageStartingWith("action backup has no parameter \"missing\"; it has ");
        assertThatThrownBy(() -> action.getLong("target"))
                .hasMessage("parameter \"target\" of action backup is /srv, not an integer; fix its type in "
                        + "actions.yaml or read it with another getter");
    }

    @Test
    void setFlattensMapsIntoDottedKeysAndChecksKeys() {
        action.set("size", 12);
        action.set("out", Map.of("path", "/x"));

        assertThat(backend.calls()).containsExactly(new ToolCall("action-set", List.of(Map.of("size", "12"))),
                new ToolCall("action-set", List.of(Map.of("out.path", "/x"))));
        assertThatThrownBy(() -> action.set("Size", 1)).hasMessageContaining("result key \"Size\"");
        assertThatThrownBy(() -> action.set("a..b", 1)).hasMessageContaining("result key \"a..b\"");
        assertThatThrownBy(() -> action.set("stdout", 1)).hasMessageContaining("is reserved by Juju");
    }

    @Test
    void failAndLogGoToTheirTools() {
        action.log("half way");
        assertThat(action.failed()).isFalse();
        action.fail("disk full");

        assertThat(action.failed()).isTrue();
        assertThat(backend.calls()).containsExactly(new ToolCall("action-log", List.of("half way")),
                new ToolCall("action-fail", List.of("disk full")));
    }
}
