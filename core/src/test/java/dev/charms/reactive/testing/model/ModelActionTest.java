package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.status.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelActionTest {

    static class BackupCharm {
        @Action("backup")
        void backup(ActionContext action, Flags flags) {
            action.log("backing up to " + action.getString("target"));
            action.set("backup.size", 1234);
            action.set("retries", action.getLong("retries"));
            action.set("compressed", action.getBoolean("compress"));
            flags.set("backup.done");
        }

        @When("backup.done")
        @WhenNot("backup.reported")
        void report(Flags flags, Status status) {
            status.active("backed up");
            flags.set("backup.reported");
        }

        @Action("fail-me")
        void failMe(ActionContext action) {
            action.fail("disk full");
        }

        @Action("crash")
        void crash(Flags flags) {
            flags.set("crash.started");
            throw new IllegalStateException("boom");
        }

        @Action("share")
        void share(ActionContext action, Leadership leadership) {
            leadership.set("token", action.getString("token"));
        }
    }

    private static final Charm CHARM = Charm.of(BackupCharm.class).actionsYaml("""
            backup:
              params:
                target: {type: string}
                compress: {type: boolean, default: true}
                retries: {type: integer, default: 1}
              required: [target]
              additionalProperties: false
            fail-me: {}
            crash: {}
            share:
              params:
                token: {type: string}
            unhandled: {}
            """);

    @Test
    void anActionRunsItsHandlerThenTheFlagLoopAndReportsItsResults() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("app", CHARM, 1);
        ActionResult result = model.runAction("app/0", "backup", Map.of("target", "/srv", "retries", 3));

        assertThat(result).isEqualTo(new ActionResult("completed",
                Map.of("backup.size", "1234", "retries", "3", "compressed", "true"), Optional.empty(),
                List.of("backing up to /srv")));
        assertThat(driver.last().action()).contains(new ActionInvocation("backup",
                Map.of("target", "/srv", "retries", 3L, "compress", true)));
        SimulatedUnit unit = model.unit("app/0");
        assertThat(unit.hooks()).last().hasToString("5 app/0 actions/backup: BackupCharm.backup, BackupCharm.report;"
                + " +backup.done; +backup.reported; status active \"backed up\"");
        assertThat(unit.flags()).contains("backup.done", "backup.reported");
    }

    @Test
    void anActionThatCallsActionFailIsFailedAndKeepsWhatItDid() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);
        ActionResult result = model.runAction("app/0", "fail-me", Map.of());

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.failed()).isTrue();
        assertThat(result.failureMessage()).contains("disk full");
        assertThat(model.unit("app/0").hookNames()).last().isEqualTo("actions/fail-me");
    }

    @Test
    void anActionWhoseHandlerThrowsIsFailedWithoutFailingTheModelAndKeepsNothing() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);
        ActionResult result = model.runAction("app/0", "crash", Map.of());

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.failureMessage()).contains("hook crash failed in handler BackupCharm.crash:"
                + " java.lang.IllegalStateException: boom");
        SimulatedUnit unit = model.unit("app/0");
        assertThat(unit.flags()).doesNotContain("crash.started");
        assertThat(unit.hooks()).last().hasToString("5 app/0 actions/crash: BackupCharm.crash");
        assertThat(unit.log()).extracting(LogLine::message).anyMatch(m -> m.startsWith("Hook error:"));
        model.updateStatus();
        assertThat(unit.hookNames()).last().isEqualTo("update-status");
    }

    @Test
    void anActionDeclaredWithoutAHandlerIsFailedByTheRuntime() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);
        ActionResult result = model.runAction("app/0", "unhandled", Map.of());

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.failureMessage().orElseThrow()).startsWith("action unhandled has no handler in this charm:"
                + " add @Action(\"unhandled\") to a handler method.");
    }

    @Test
    void leaderSettingsAnActionWritesReachTheOtherUnits() {
        Model model = new Model();
        model.deploy("app", CHARM, 2);
        model.runAction("app/0", "share", Map.of("token", "t-9"));

        assertThat(model.leaderSettings("app")).containsEntry("token", "t-9");
        assertThat(model.unit("app/1").hookNames()).last().isEqualTo("leader-settings-changed");
    }

    @Test
    void badParametersAndUnknownActionsAreRefusedNamingWhatIsWrong() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("target", 5);
        bad.put("verbose", true);
        assertThatThrownBy(() -> model.runAction("app/0", "backup", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid parameters for action backup: parameter \"target\" must be a string, not a number"
                        + " (5); unknown parameter \"verbose\"; action backup takes target, compress, retries; as"
                        + " declared in the actions.yaml of application app");
        assertThatThrownBy(() -> model.runAction("app/0", "backup", Map.of()))
                .hasMessageContaining("missing required parameter \"target\"");
        assertThatThrownBy(() -> model.runAction("app/0", "restore", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("application app has no action 'restore'; its actions.yaml declares [backup, fail-me, crash,"
                        + " share, unhandled] (declare actions with Charm.actionsYaml)");
        assertThat(model.unit("app/0").hookNames()).doesNotContain("actions/backup", "actions/restore");
    }

    @Test
    void anActionOnAMachineInASeriesUpgradeIsRefusedUntilItCompletes() {
        Model model = new Model();
        model.deploy("app", CHARM, 1);
        model.prepareSeriesUpgrade("0", "ubuntu@24.04");

        assertThatThrownBy(() -> model.runAction("app/0", "backup", Map.of("target", "/srv")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot run action backup on app/0: machine 0 is in a series upgrade (prepare completed) and"
                        + " runs no hook or action until it completes; run completeSeriesUpgrade(\"0\") first");
        model.completeSeriesUpgrade("0");
        assertThat(model.runAction("app/0", "backup", Map.of("target", "/srv")).status()).isEqualTo("completed");
    }

    @Test
    void anActionIsGivenItsNameAndParametersAsJujuWould() {
        RecordingDriver driver = new RecordingDriver();
        Model model = new Model(driver);
        model.deploy("app", CHARM, 1);
        model.runAction("app/0", "share", Map.of("token", "x"));

        assertThat(driver.last().environment(Path.of("/charm"))).containsEntry("JUJU_DISPATCH_PATH",
                "actions/share").containsEntry("JUJU_ACTION_NAME", "share").doesNotContainKey("JUJU_HOOK_NAME");
        assertThat(model.unit("app/0").status()).isEqualTo(new StatusValue("unknown", ""));
    }
}
