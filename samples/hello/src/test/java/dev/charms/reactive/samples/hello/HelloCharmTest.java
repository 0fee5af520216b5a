package dev.charms.reactive.samples.hello;

import static dev.charms.reactive.testing.assertions.CharmAssertions.assertThat;

import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import dev.charms.reactive.testing.SimulatedHost;
import dev.charms.reactive.testing.junit.CharmTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hello charm's handlers, hook by hook, through the harness {@link CharmTest} makes from the charm's files
 * (src/main/charm) and the handler index the annotation processor generated, on a {@link SimulatedHost} that records
 * the commands the handlers run.
 */
@CharmTest
class HelloCharmTest {
    private static final StatusValue READY = new StatusValue("active", "ready: saying 'hello' on port 8080");

    @TempDir
    Path root;

    private SimulatedHost host;
    private Path configFile;
    private Harness harness;

    /** The charm writes its configuration file to a temporary path, and runs its commands on the simulated host. */
    @BeforeEach
    void deploy(Harness hello) {
        host = new SimulatedHost(root);
        configFile = host.path("/etc/hello/hello.conf");
        harness = hello.resolver(host);
    }

    /** The next hook of the same unit: the state, status and leader settings the previous one left. */
    private Harness after(Result previous) {
        return harness.state(previous.state()).unitStatus(previous.unitStatus())
                .leaderSettings(previous.leaderSettings());
    }

    private Result installed() {
        Result install = harness.hook("install").run();
        host.takeCommands();
        return install;
    }

    @Test
    void installConfiguresAndStartsInOneHook() throws IOException {
        Result install = harness.hook("install").run();

        assertThat(install).invokedInOrder("HelloCharm.install", "HelloCharm.configure", "HelloCharm.start")
                .setFlags("hello.configured", "hello.installed", "hello.started")
                .hasStatus(READY);
        assertThat(install.unitStatusHistory()).containsExactly(new StatusValue("unknown", ""),
                new StatusValue("maintenance", "installing hello"), READY);
        assertThat(host.takeCommands()).containsExactly(
                "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install hello",
                "systemctl enable --now hello");
        assertThat(host.isRunning("hello")).isTrue();
        assertThat(Files.readString(configFile)).isEqualTo("greeting=hello\nport=8080\n");
    }

    @Test
    void theConfigChangedAndStartHooksAfterInstallFindNothingToDo() {
        Result install = installed();
        Result configChanged = after(install).hook("config-changed").run();
        Result start = after(configChanged).hook("start").run();

        assertThat(configChanged).invokedInOrder();
        assertThat(start).invokedInOrder();
        assertThat(start.flags()).isEqualTo(install.flags());
        assertThat(host.takeCommands()).isEmpty();
    }

    @Test
    void aNewGreetingRewritesTheFileAndRestartsTheService() throws IOException {
        Result changed = after(installed()).config("greeting", "hi there").hook("config-changed").run();

        assertThat(changed).invokedInOrder("HelloCharm.configure").setFlags().clearedFlags()
                .hasStatus("active", "ready: saying 'hi there' on port 8080");
        assertThat(Files.readString(configFile)).isEqualTo("greeting=hi there\nport=8080\n");
        assertThat(host.takeCommands()).containsExactly("systemctl restart hello");
    }

    @Test
    void aBadPortBlocksTheUnitAndKeepsTheOldFileUntilItIsFixed() throws IOException {
        Result bad = after(installed()).config("port", 0).hook("config-changed").run();

        assertThat(bad).invokedInOrder("HelloCharm.configure").clearedFlags("hello.configured")
                .hasStatus("blocked", "port must be between 1 and 65535, got 0: juju config hello port=8080");
        assertThat(Files.readString(configFile)).isEqualTo("greeting=hello\nport=8080\n");
        assertThat(host.takeCommands()).isEmpty();

        Result stillBad = after(bad).config("port", 0).hook("update-status").run();
        assertThat(stillBad).hasStatus(bad.unitStatus());

        Result fixed = after(stillBad).config("port", 8081).hook("config-changed").run();
        assertThat(fixed).invokedInOrder("HelloCharm.configure").setFlags("hello.configured")
                .hasStatus("active", "ready: saying 'hello' on port 8081");
        assertThat(Files.readString(configFile)).isEqualTo("greeting=hello\nport=8081\n");
        assertThat(host.takeCommands()).containsExactly("systemctl restart hello");
    }

    @Test
    void aBadPortAtInstallLeavesTheServiceUnstartedUntilTheConfigIsFixed() {
        Result install = harness.config("port", 70000).hook("install").run();

        assertThat(install).invokedInOrder("HelloCharm.install", "HelloCharm.configure")
                .setFlags("hello.installed")
                .doesNotHaveFlags("hello.configured", "hello.started");
        assertThat(install.unitStatus().state()).isEqualTo("blocked");
        assertThat(host.isRunning("hello")).isFalse();

        Result fixed = after(install).config("port", 8080).hook("config-changed").run();
        assertThat(fixed).invokedInOrder("HelloCharm.configure", "HelloCharm.start").hasStatus(READY);
        assertThat(host.isRunning("hello")).isTrue();
    }

    @Test
    void updateStatusOnlyChecksTheServiceAndChangesNothingWhileItRuns() {
        Result install = installed();
        Result first = after(install).hook("update-status").run();
        Result second = after(first).hook("update-status").run();

        for (Result tick : new Result[] {first, second}) {
            assertThat(tick).invokedInOrder("HelloCharm.updateStatus").setFlags().clearedFlags().hasStatus(READY);
            assertThat(tick.calls()).noneMatch(call -> call.tool().equals("status-set"));
        }
        assertThat(host.takeCommands()).containsExactly("systemctl is-active --quiet hello",
                "systemctl is-active --quiet hello");
    }

    @Test
    void updateStatusReportsAServiceThatDiedAndOneThatCameBack() {
        Result install = installed();
        host.crash("hello");
        Result dead = after(install).hook("update-status").run();

        assertThat(dead).hasStatus("blocked", "hello is not running: see journalctl -u hello");

        host.run(Command.of("systemctl", "start", "hello"));
        Result back = after(dead).hook("update-status").run();
        assertThat(back).hasStatus(READY);
    }

    @Test
    void aSeriesUpgradeStopsTheServiceUntilItIsComplete() {
        Result install = installed();
        Result pre = after(install).hook("pre-series-upgrade").run();

        assertThat(pre).invokedInOrder("HelloCharm.pauseForSeriesUpgrade")
                .setFlags("hello.paused", "upgrade.series.in-progress")
                .hasStatus("blocked", "Ready for do-release-upgrade and reboot. Set complete when finished.");
        assertThat(host.takeCommands()).containsExactly("systemctl disable --now hello");
        assertThat(host.isRunning("hello")).isFalse();

        Result tick = after(pre).hook("update-status").run();
        assertThat(tick).invokedInOrder("HelloCharm.updateStatus").hasStatus(pre.unitStatus());
        assertThat(host.takeCommands()).isEmpty();

        Result post = after(tick).hook("post-series-upgrade").run();
        assertThat(post).invokedInOrder("HelloCharm.resumeAfterSeriesUpgrade")
                .clearedFlags("hello.paused", "upgrade.series.in-progress")
                .hasStatus(READY);
        assertThat(post.flags()).isEqualTo(install.flags());
        assertThat(host.takeCommands()).containsExactly("systemctl enable --now hello");
        assertThat(host.isRunning("hello")).isTrue();
    }

    @Test
    void onlyTheLeaderShowsTheGreetingOnceAndAgainAfterAChange() {
        Result install = installed();
        Result follower = after(install).hook("leader-settings-changed").run();
        assertThat(follower).invokedInOrder().hasApplicationStatus("unknown", "");
        assertThat(follower.applicationStatusHistory()).hasSize(1);

        Result elected = after(follower).leader(true).hook("leader-elected").run();
        assertThat(elected).invokedInOrder("HelloCharm.showGreeting").hasApplicationStatus("active", "greeting: hello");

        Result tick = after(elected).leader(true).hook("update-status").run();
        assertThat(tick).invokedInOrder("HelloCharm.updateStatus");

        Result changed = after(tick).leader(true).config("greeting", "hi").hook("config-changed").run();
        assertThat(changed).invokedInOrder("HelloCharm.configure", "HelloCharm.showGreeting")
                .hasApplicationStatus("active", "greeting: hi");
    }

    @Test
    void theHandlersComeFromTheIndexTheAnnotationProcessorGenerated() throws Exception {
        Class<?> index = Class.forName(HelloCharm.class.getName() + "_ReactiveHandlers");
        String services = new String(HelloCharm.class.getClassLoader()
                .getResourceAsStream("META-INF/services/dev.charms.reactive.spi.HandlerIndex").readAllBytes());

        assertThat(services.strip()).isEqualTo(index.getName());
        assertThat(HandlerDiscovery.forClass(HelloCharm.class)).isInstanceOf(index);
    }
}
