package dev.charms.reactive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.Hook;
import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHostTest {
    @TempDir
    Path root;

    static class Installer {
        @Hook("install")
        void install(Apt apt, Services services, Files files) {
            apt.install("hello");
            files.write("/etc/hello/hello.conf", "greeting=hi\n", 0644);
            services.enableAndStart("hello");
        }
    }

    @Test
    void handlersActOnTheHostItsCommandsAreRecordedAndItsFilesLieUnderTheRoot() throws IOException {
        SimulatedHost host = new SimulatedHost(root);

        Harness.of(Installer.class).resolver(host).hook("install").run();

        assertThat(host.takeCommands()).containsExactly(
                "apt-get --option=Dpkg::Options::=--force-confold --assume-yes install hello",
                "systemctl enable --now hello");
        assertThat(host.takeCommands()).isEmpty();
        assertThat(java.nio.file.Files.readString(host.path("/etc/hello/hello.conf"))).isEqualTo("greeting=hi\n");
        assertThat(host.path("/etc/hello/hello.conf")).isEqualTo(root.resolve("etc/hello/hello.conf"));
        assertThat(host.isRunning("hello")).isTrue();
        assertThat(host.isEnabled("hello")).isTrue();
    }

    @Test
    void writeFilePutsAFileOnTheMachineWhereHandlersReadIt() {
        SimulatedHost host = new SimulatedHost(root);

        host.writeFile("/etc/os-release", "ID=ubuntu\n");

        assertThat(Files.under(root).read("/etc/os-release")).isEqualTo("ID=ubuntu\n");
    }

    @Test
    void systemctlAnswersFromWhatRanAndARebootStartsExactlyTheEnabledServices() {
        SimulatedHost host = new SimulatedHost(root);
        Services services = new Services(host);
        services.enableAndStart("web");
        services.start("worker");
        services.enableAndStart("db");
        services.stopAndDisable("db");

        assertThat(services.isActive("worker")).isTrue();
        assertThat(services.isEnabled("worker")).isFalse();
        assertThat(services.isActive("db")).isFalse();

        host.crash("web");
        assertThat(services.isActive("web")).isFalse();
        host.takeCommands();
        host.reboot();

        assertThat(host.isRunning("web")).isTrue();
        assertThat(host.isRunning("worker")).isFalse();
        assertThat(host.isRunning("db")).isFalse();
        assertThat(host.takeCommands()).isEmpty();
    }
}
