package dev.charms.reactive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.status.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarnessActionTest {

    static class BackupCharm {
        @Action("backup")
        void backup(ActionContext action, Flags flags) {
            action.log("backing up to " + action.getString("target"));
            action.set("size", action.getLong("size"));
            flags.set("backup.done");
        }

        @When("backup.done")
        @WhenNot("backup.reported")
        void report(Flags flags, Status status) {
            status.active("backed up");
            flags.set("backup.reported");
        }

        @Action("full")
        void full(ActionContext action) {
            action.fail("disk full");
        }

        @Action("crash")
        void crash() {
            throw new IllegalStateException("boom");
        }
    }

    private final Harness harness = Harness.of(BackupCharm.class).actionsYaml("""
            backup:
              params:
                target: {type: string}
                size: {type: integer, default: 10}
              required: [target]
            full: {}
            crash: {}
            """);

    @Test
    void anActionRunsItsHandlerThenTheFlagLoopWithItsParametersAndDefaults() {
        Result result = harness.action("backup", Map.of("target", "/srv")).run();

        assertThat(result.hook()).isEqualTo("backup");
        assertThat(result.invoked()).containsExactly("BackupCharm.backup", "BackupCharm.report");
        assertThat(result.actionResults()).containsExactly(Map.entry("size", "10"));
        assertThat(result.actionLog()).containsExactly("backing up to /srv");
        assertThat(result.actionFailure()).isEmpty();
        assertThat(result.flagsSet()).containsExactly("backup.done", "backup.reported");
        assertThat(result.unitStatus()).isEqualTo(new StatusValue("active", "backed up"));
    }

    @Test
    void integersAreGivenToTheCharmAsActionGetGivesThem() {
        Result result = harness.action("backup", Map.of("target", "/srv", "size", 3)).run();

        assertThat(result.actionResults()).containsExactly(Map.entry("size", "3"));
    }

    @Test
    void anActionThatCallsActionFailIsFailedButTheRunSucceeds() {
        Result result = harness.action("full", Map.of()).run();

        assertThat(result.actionFailure()).contains("disk full");
        assertThat(result.invoked()).containsExactly("BackupCharm.full");
    }

    @Test
    void parametersThatDoNotMatchOrAnActionWithoutHandlerFailTheActionAndRunNothing() {
        Result bad = harness.action("backup", Map.of("size", "big")).run();
        assertThat(bad.actionFailure()).contains("invalid parameters for action backup: missing required parameter"
                + " \"target\"; parameter \"size\" must be an integer, not a string (big)");
        assertThat(bad.invoked()).isEmpty();

        Result unserved = harness.action("restore", Map.of()).run();
        assertThat(unserved.actionFailure().orElseThrow()).startsWith("action restore has no handler in this charm:");
    }

    @Test
    void anActionThatThrowsFailsTheRun() {
        Failure failure = harness.action("crash", Map.of()).runExpectingFailure();
        assertThat(failure.cause()).hasMessage("boom");
        assertThat(failure.handler()).contains("BackupCharm.crash");

        assertThatThrownBy(() -> harness.action("crash", Map.of()).run()).isInstanceOf(HarnessRunFailed.class)
                .hasMessageContaining("--- log of action crash ---");
        assertThatThrownBy(() -> harness.action("full", Map.of()).runExpectingFailure())
                .hasMessageStartingWith("expected action full to fail, but it succeeded");
    }

    @Test
    void aHookNamedAfterAnActionRunsTheHook() {
        Result result = harness.action("backup", Map.of("target", "/srv")).hook("update-status").run();

        assertThat(result.hook()).isEqualTo("update-status");
        assertThat(result.invoked()).isEmpty();
        assertThat(result.actionResults()).isEmpty();
        assertThat(result.calls()).extracting(InMemoryJujuBackend.ToolCall::tool).doesNotContain("action-get");
    }
}
