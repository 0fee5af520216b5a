package dev.charms.reactive.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the main job as {@code java -jar deployment-demo.jar} does and checks the timeline it prints. */
class DeploymentDemoTest {

    private static List<String> runMain() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            DeploymentDemo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The unit and hook of each line that starts a hook, e.g. {@code listener/0 greeting-relation-joined}. */
    private static List<String> hooksOf(List<String> lines, String unit) {
        return lines.stream().filter(line -> line.matches("  " + unit + " +\\S+ {2,}\\S.*"))
                .map(line -> String.join(" ", List.of(line.strip().split(" +")).subList(0, 2))).toList();
    }

    @Test
    void printsEachOperationThenTheHooksItCausedInJujusOrder() throws Exception {
        List<String> lines = runMain();

        assertThat(lines).filteredOn(line -> line.startsWith("== ")).containsExactly(
                "== juju deploy app-services -n 3 ==",
                "== juju config app-services port=9100 ==",
                "== juju deploy greeter ==",
                "== juju deploy listener -n 2 ==",
                "== juju integrate greeter listener ==",
                "== juju config greeter greeting=hi ==",
                "== juju refresh app-services (revision 2) ==",
                "== juju upgrade-machine 1 prepare ubuntu@24.04 ==",
                "== juju config app-services port=9200 ==",
                "== do-release-upgrade and reboot, on machine 1 ==",
                "== juju upgrade-machine 1 complete ==",
                "== juju status ==");
        assertThat(hooksOf(lines, "app-services/1")).containsExactly("app-services/1 install", "app-services/1 leader-settings-changed",
                "app-services/1 config-changed", "app-services/1 start", "app-services/1 config-changed",
                "app-services/1 upgrade-charm", "app-services/1 config-changed", "app-services/1 pre-series-upgrade", "app-services/1 post-series-upgrade",
                "app-services/1 config-changed");
        assertThat(hooksOf(lines, "listener/0")).containsSubsequence("listener/0 greeting-relation-created", "listener/0 greeting-relation-joined",
                        "listener/0 greeting-relation-changed");
    }

    @Test
    void showsTheHandlersFlagsHostCommandsAndStatusesOfTheSeriesUpgrade() throws Exception {
        String text = String.join("\n", runMain());

        assertThat(text).containsSubsequence(
                "== juju upgrade-machine 1 prepare ubuntu@24.04 ==",
                "  app-services/1  pre-series-upgrade          AppServicesCharm.pauseForSeriesUpgrade",
                "flags   +app-services.paused +upgrade.series.in-progress -app-services.started",
                "host    systemctl disable --now app-services",
                "status  blocked \"Ready for do-release-upgrade and reboot. Set complete when finished.\"",
                "machine 1 upgrade status: prepare started -> prepare running -> prepare completed",
                "== juju config app-services port=9200 ==",
                "  app-services/2  config-changed              AppServicesCharm.configure",
                "app-services/1 runs no hook",
                "after the reboot app-services is not running (disabled)",
                "== juju upgrade-machine 1 complete ==",
                "  app-services/1  post-series-upgrade         AppServicesCharm.configure,"
                        + " AppServicesCharm.migrateAfterSeriesUpgrade, AppServicesCharm.start",
                "flags   +app-services.started -app-services.paused -upgrade.series.in-progress",
                "host    systemctl start app-services-migrate",
                "host    systemctl enable --now app-services",
                "status  active \"ready on port 9200 (ubuntu@24.04)\"",
                "  app-services/1  config-changed              -",
                "machine 1 upgrade status: complete started -> complete running -> completed -> not started",
                "== juju status ==",
                "  app-services/1  machine 1  active \"ready on port 9200 (ubuntu@24.04)\"");
        assertThat(text.split("app-services-migrate", -1)).hasSize(2);
    }

    @Test
    void showsTheRefreshUpgradingThePackageAndRestartingTheService() throws Exception {
        String text = String.join("\n", runMain());

        assertThat(text).containsSubsequence(
                "== juju refresh app-services (revision 2) ==",
                "  app-services/0  upgrade-charm               AppServicesCharm.upgradeWorkload",
                "host    apt-get --option=Dpkg::Options::=--force-confold --assume-yes install app-services",
                "host    systemctl restart app-services",
                "  app-services/0  config-changed              -",
                "  app-services/2  upgrade-charm               AppServicesCharm.upgradeWorkload");
    }

    @Test
    void showsDataFlowingBothWaysOverTheRelation() throws Exception {
        String text = String.join("\n", runMain());

        assertThat(text).containsSubsequence(
                "== juju integrate greeter listener ==",
                "  listener/0      greeting-relation-joined    ListenerCharm.listen",
                "flags   +endpoint.greeting.joined +greeting.connected +listener.heard",
                "status  active \"heard 'hello' from greeter/0 on port 8080\"",
                "  greeter/0       greeting-relation-changed   GreeterCharm.greetListeners",
                "status  active \"saying 'hello' on port 8080; 2 listeners replied\"",
                "== juju config greeter greeting=hi ==",
                "  listener/1      greeting-relation-changed   ListenerCharm.listen",
                "status  active \"heard 'hi' from greeter/0 on port 8080\"");
    }
}
