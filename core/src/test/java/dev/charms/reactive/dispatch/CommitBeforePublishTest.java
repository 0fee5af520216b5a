package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.charms.reactive.Hook;
import dev.charms.reactive.discovery.ReactiveHandlers;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.spi.HookExtension;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commit step of a hook: after the exit steps, before anything is published, and undone by a failed publication. */
class CommitBeforePublishTest {

    static class Charm {
        @Hook("config-changed")
        void configure(Leadership leadership, Flags flags) {
            leadership.set("token", "t");
            flags.set("app.configured");
        }
    }

    private final List<String> events = new ArrayList<>();
    private final List<JsonObject> commits = new ArrayList<>();
    private final InMemoryJujuBackend backend =
            new InMemoryJujuBackend(Map.of(), true, Map.of(), new StatusValue("active", ""), Map.of());

    private HookRunner runner(boolean publicationFails) {
        return HookRunner.builder(HandlerSet.of(ReactiveHandlers.of(Charm.class)))
                .extension(new HookExtension() {
                    @Override
                    public void publish(HookContext hook) {
                        events.add("publish, leader-set " + (backend.leaderSettings().isEmpty() ? "not sent" : "sent"));
                        if (publicationFails) {
                            throw new IllegalStateException("relation-set failed");
                        }
                    }
                })
                .build();
    }

    private void commit(JsonObject state) {
        events.add("commit");
        commits.add(state);
    }

    private static JsonObject before() {
        UnitState state = UnitState.empty();
        state.setFlag("app.old", null);
        return state.toJson();
    }

    @Test
    void theNewStateIsCommittedBeforeLeaderSettingsAndExtensionsArePublished() {
        HookOutcome outcome = runner(false).run(backend, "config-changed", before(), this::commit);

        assertThat(events).containsExactly("commit", "publish, leader-set sent");
        assertThat(commits).containsExactly(outcome.state());
        assertThat(UnitState.fromJson(outcome.state()).flags()).contains("app.configured");
        assertThat(backend.leaderSettings()).containsEntry("token", "t");
    }

    @Test
    void aFailedCommitFailsTheHookWithNothingPublished() {
        HookRunner runner = runner(false);

        assertThatThrownBy(() -> runner.run(backend, "config-changed", before(), state -> {
            throw new IllegalArgumentException("disk full");
        })).isInstanceOf(HookFailedException.class).hasRootCauseMessage("disk full");

        assertThat(events).isEmpty();
        assertThat(backend.calls()).noneMatch(call -> call.tool().equals("leader-set"));
        assertThat(backend.log()).anyMatch(line -> line.message().startsWith("Hook error:")
                && line.message().contains("disk full"));
    }

    @Test
    void aFailedPublicationFailsTheHookAndCommitsTheStateFromBeforeTheHookAgain() {
        JsonObject before = before();

        assertThatThrownBy(() -> runner(true).run(backend, "config-changed", before, this::commit))
                .isInstanceOf(HookFailedException.class).hasRootCauseMessage("relation-set failed");

        assertThat(events).containsExactly("commit", "publish, leader-set sent", "commit");
        assertThat(UnitState.fromJson(commits.get(0)).flags()).contains("app.configured");
        assertThat(commits.get(1)).isEqualTo(before);
    }
}
