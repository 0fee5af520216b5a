package dev.charms.reactive.samples.appservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.HarnessRunFailed;
import dev.charms.reactive.testing.Result;
import dev.charms.reactive.testing.SimulatedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app-services charm hook by hook, through the harness, on a simulated machine. */
class AppServicesCharmTest {
    private static final StatusValue READY = new StatusValue("active", "ready on port 9000 (ubuntu@22.04)");
    private static final StatusValue PAUSED = new StatusValue("blocked", AppServicesCharm.READY_FOR_UPGRADE);

    @TempDir
    Path root;

    private SimulatedHost host;
    private Harness harness;

    /** The operator's do-release-upgrade: the machine's /etc/os-release now names Ubuntu {@code version}. */
    static void releaseUpgrade(SimulatedHost host, String version) {
        host.writeFile(OsRelease.FILE, "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"" + version + "\"\n");
    }

    @BeforeEach
    void machine() throws IOException {
        host = new SimulatedHost(root);
        releaseUpgrade(host, "22.04");
        harness = Harness.of(AppServicesCharm.class)
                .configYaml(Files.readString(Path.of("src/main/charm/config.yaml")))
                .resolver(host);
    }

    /** The next hook of the same unit: the state and status the previous one left. */
    private Harness after(Result previous) {
        return harness.state(previous.state()).unitStatus(previous.unitStatus());
    }

    private Result installed() {
        Result install = harness.hook("install").run();
        host.takeCommands();
        return install;
    }

    private Result prepared() {
        Result pre = after(installed()).hook("pre-series-upgrade").run();
        host.takeCommands();
        return pre;
    }

    @Test
    void installConfiguresAndStartsInOneHookAndRecordsTheBaseTheDataIsFor() throws IOException {
        Result install = harness.hook("install").run();

        assertThat(install.invoked()).containsExactly("AppServicesCharm.install", "AppServicesCharm.configure",
                "AppServicesCharm.start");
        assertThat(install.flagsSet())
                .containsExactly("app-services.configured", "app-services.installed", "app-services.started");
        assertThat(install.flagValue("app-services.installed")).map(JsonElement::getAsString).contains("ubuntu@22.04");
        assertThat(install.unitStatusHistory()).containsExactly(new StatusValue("unknown", ""),
                new StatusValue("maintenance", "installing app-services"), READY);
        assertThat(host.takeCommands()).containsExactly(
                "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install app-services",
                "systemctl enable --now app-services");
        assertThat(Files.readString(host.path(AppServicesCharm.CONFIG_FILE))).isEqualTo("port=9000\n");
    }

    @Test
    void aNewPortRewritesTheFileAndRestartsTheService() throws IOException {
        Result changed = after(installed()).config("port", 9100).hook("config-changed").run();

        assertThat(changed.invoked()).containsExactly("AppServicesCharm.configure");
        assertThat(host.takeCommands()).containsExactly("systemctl restart app-services");
        assertThat(Files.readString(host.path(AppServicesCharm.CONFIG_FILE))).isEqualTo("port=9100\n");
        assertThat(changed.unitStatus()).isEqualTo(new StatusValue("active", "ready on port 9100 (ubuntu@22.04)"));
    }

    @Test
    void aBadPortBlocksTheUnitAndKeepsTheServiceDownUntilItIsFixed() {
        Result install = harness.config("port", 0).hook("install").run();

        assertThat(install.invoked()).containsExactly("AppServicesCharm.install", "AppServicesCharm.configure");
        assertThat(install.unitStatus()).isEqualTo(new StatusValue("blocked",
                "port must be between 1 and 65535, got 0: juju config app-services port=9000"));
        assertThat(host.isRunning("app-services")).isFalse();

        Result fixed = after(install).config("port", 9000).hook("config-changed").run();
        assertThat(fixed.invoked()).containsExactly("AppServicesCharm.configure", "AppServicesCharm.start");
        assertThat(fixed.unitStatus()).isEqualTo(READY);
    }

    @Test
    void updateStatusReportsAServiceThatDied() {
        Result install = installed();
        host.crash("app-services");

        Result tick = after(install).hook("update-status").run();

        assertThat(tick.invoked()).containsExactly("AppServicesCharm.updateStatus");
        assertThat(tick.unitStatus()).isEqualTo(new StatusValue("blocked",
                "app-services is not running: see journalctl -u app-services"));
    }

    @Test
    void aRefreshUpgradesThePackageAndRestartsTheServiceOntoIt() {
        Result refreshed = after(installed()).hook("upgrade-charm").run();

        assertThat(refreshed.invoked()).containsExactly("AppServicesCharm.upgradeWorkload");
        assertThat(refreshed.flagsSet()).isEmpty();
        assertThat(refreshed.flagsCleared()).isEmpty();
        assertThat(host.takeCommands()).containsExactly(
                "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install app-services",
                "systemctl restart app-services");
        assertThat(refreshed.unitStatus()).isEqualTo(READY);
    }

    @Test
    void aRefreshDuringASeriesUpgradeUpgradesThePackageButLeavesTheServiceDown() {
        Result refreshed = after(prepared()).hook("upgrade-charm").run();

        assertThat(host.takeCommands()).containsExactly(
                "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install app-services");
        assertThat(host.isRunning("app-services")).isFalse();
        assertThat(refreshed.unitStatus()).isEqualTo(PAUSED);
    }

    @Test
    void preSeriesUpgradeStopsAndDisablesTheServiceAndSaysWhatToDoNext() {
        Result pre = after(installed()).hook("pre-series-upgrade").run();

        assertThat(pre.invoked()).containsExactly("AppServicesCharm.pauseForSeriesUpgrade");
        assertThat(pre.flagsSet()).containsExactly("app-services.paused", "upgrade.series.in-progress");
        assertThat(pre.flagsCleared()).containsExactly("app-services.started");
        assertThat(pre.unitStatus()).isEqualTo(PAUSED);
        assertThat(host.takeCommands()).containsExactly("systemctl disable --now app-services");
        assertThat(host.isRunning("app-services")).isFalse();
        assertThat(host.isEnabled("app-services")).isFalse();
    }

    @Test
    void whileTheUpgradeIsInProgressTheServiceStaysDownAcrossRebootsAndEveryHook() throws IOException {
        Result pre = prepared();
        releaseUpgrade(host, "24.04");
        host.reboot();

        Result start = after(pre).hook("start").run();
        Result tick = after(start).hook("update-status").run();
        Result changed = after(tick).config("port", 9100).hook("config-changed").run();

        assertThat(start.invoked()).isEmpty();
        assertThat(tick.invoked()).containsExactly("AppServicesCharm.updateStatus");
        assertThat(changed.invoked()).containsExactly("AppServicesCharm.configure");
        assertThat(changed.flags()).contains("upgrade.series.in-progress", "app-services.paused")
                .doesNotContain("app-services.started");
        assertThat(changed.unitStatus()).isEqualTo(PAUSED);
        assertThat(host.takeCommands()).isEmpty();
        assertThat(host.isRunning("app-services")).isFalse();
        assertThat(Files.readString(host.path(AppServicesCharm.CONFIG_FILE))).isEqualTo("port=9100\n");
    }

    @Test
    void postSeriesUpgradeMigratesTheDataToTheNewBaseOnceThenEnablesAndStartsTheService() {
        Result pre = prepared();
        releaseUpgrade(host, "24.04");
        host.reboot();

        Result post = after(pre).hook("post-series-upgrade").run();

        assertThat(post.invoked())
                .containsExactly("AppServicesCharm.migrateAfterSeriesUpgrade", "AppServicesCharm.start");
        assertThat(post.flagsCleared()).containsExactly("app-services.paused", "upgrade.series.in-progress");
        assertThat(post.flagsSet()).containsExactly("app-services.started");
        assertThat(post.flagValue("app-services.installed")).map(JsonElement::getAsString).contains("ubuntu@24.04");
        assertThat(host.takeCommands()).containsExactly("systemctl start app-services-migrate",
                "systemctl enable --now app-services");
        assertThat(host.isRunning("app-services")).isTrue();
        assertThat(host.isEnabled("app-services")).isTrue();
        assertThat(post.unitStatusHistory()).containsExactly(PAUSED,
                new StatusValue("maintenance", "migrating app-services data from ubuntu@22.04 to ubuntu@24.04"),
                new StatusValue("active", "ready on port 9000 (ubuntu@24.04)"));

        Result tick = after(post).hook("update-status").run();
        assertThat(tick.invoked()).containsExactly("AppServicesCharm.updateStatus");
        assertThat(host.takeCommands()).containsExactly("systemctl is-active --quiet app-services");
    }

    @Test
    void anUpgradeThatLeftTheBaseAsItWasStartsTheServiceWithoutAMigration() {
        Result post = after(prepared()).hook("post-series-upgrade").run();

        assertThat(post.invoked())
                .containsExactly("AppServicesCharm.migrateAfterSeriesUpgrade", "AppServicesCharm.start");
        assertThat(host.takeCommands()).containsExactly("systemctl enable --now app-services");
        assertThat(post.unitStatusHistory()).containsExactly(PAUSED, READY);
    }

    @Test
    void aMachineWithoutItsBaseInOsReleaseFailsTheInstallSayingWhatIsMissing() {
        host.writeFile(OsRelease.FILE, "NAME=\"Ubuntu\"\nID=ubuntu\n");

        assertThatThrownBy(() -> harness.hook("install").run()).isInstanceOf(HarnessRunFailed.class)
                .hasMessageContaining("/etc/os-release has no VERSION_ID line");
    }
}
