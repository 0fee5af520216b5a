package dev.charms.reactive.samples.kvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvStoreHostTest {

    @Test
    void answersOnceInstalledAndStartedAndUntilStoppedOrBroken(@TempDir Path dir) {
        KvStoreHost host = new KvStoreHost(dir.resolve("kv-store-0"));
        assertThat(host.installedVersion()).isEmpty();
        assertThat(host.answers()).isFalse();

        host.install("1.0.0");
        host.configure(7000);
        host.start();
        assertThat(host.installedVersion()).contains("1.0.0");
        assertThat(host.port()).contains(7000);
        assertThat(host.answers()).isTrue();

        host.breakDown();
        assertThat(host.answers()).isFalse();
        host.heal();
        assertThat(host.answers()).isTrue();
        host.stop();
        assertThat(host.answers()).isFalse();
    }

    @Test
    void backupsAreNumberedAndHoldTheVersionAndPort(@TempDir Path dir) throws Exception {
        KvStoreHost host = new KvStoreHost(dir);
        host.install("1.0.0");
        host.configure(7001);

        Path first = host.backup();
        Path second = host.backup();

        assertThat(first.getFileName()).hasToString("backup-1");
        assertThat(second.getFileName()).hasToString("backup-2");
        assertThat(Files.readString(second)).isEqualTo("version=1.0.0\nport=7001\n");
    }

    @Test
    void anOfflineMachineCannotInstallAnotherVersion(@TempDir Path dir) {
        KvStoreHost host = new KvStoreHost(dir);
        host.install("1.0.0");
        host.offline(true);

        host.install("1.0.0");
        assertThatThrownBy(() -> host.install("1.1.0")).hasMessageStartingWith(
                "cannot download kv-store 1.1.0: the machine is offline");
        assertThat(host.installedVersion()).contains("1.0.0");

        host.offline(false);
        host.install("1.1.0");
        assertThat(host.installedVersion()).contains("1.1.0");
    }

    @Test
    void compactionIsAMarker(@TempDir Path dir) {
        KvStoreHost host = new KvStoreHost(dir);
        host.compacting(true);
        assertThat(host.compacting()).isTrue();
        host.compacting(false);
        assertThat(host.compacting()).isFalse();
    }
}
