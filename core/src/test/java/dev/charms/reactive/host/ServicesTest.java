package dev.charms.reactive.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesTest {
    @TempDir
    Path directory;

    StubCommands stubs;
    Services services;

    /** A systemctl that knows one running, enabled unit (hello) and fails for unknown units like systemd. */
    @BeforeEach
    void setUp() throws IOException {
        stubs = new StubCommands(directory).recording("systemctl", String.join("\n",
                "for unit; do :; done",
                "case \"$unit\" in hello|hello.service) ;;",
                "  *) case $1 in is-*) exit 4 ;; esac",
                "     echo \"Failed to $1 $unit.service: Unit $unit.service not found.\" >&2; exit 5 ;;",
                "esac"));
        services = new Services(stubs.runner());
    }

    @Test
    void eachActionIsOneSystemctlCall() throws IOException {
        services.start("hello");
        services.stop("hello");
        services.restart("hello");
        services.reload("hello");
        services.enable("hello");
        services.disable("hello");
        services.enableAndStart("hello");
        services.stopAndDisable("hello.service");

        assertThat(stubs.calls()).containsExactly(
                "systemctl start hello",
                "systemctl stop hello",
                "systemctl restart hello",
                "systemctl reload hello",
                "systemctl enable hello",
                "systemctl disable hello",
                "systemctl enable --now hello",
                "systemctl disable --now hello.service");
    }

    @Test
    void queriesReadTheExitCode() throws IOException {
        assertThat(services.isActive("hello")).isTrue();
        assertThat(services.isEnabled("hello")).isTrue();
        assertThat(services.isActive("ghost")).isFalse();
        assertThat(services.isEnabled("ghost")).isFalse();
        assertThat(stubs.calls()).containsExactly("systemctl is-active --quiet hello",
                "systemctl is-enabled --quiet hello", "systemctl is-active --quiet ghost",
                "systemctl is-enabled --quiet ghost");
    }

    @Test
    void aFailureNamesTheUnitAndQuotesSystemctl() {
        assertThatThrownBy(() -> services.enableAndStart("ghost"))
                .isInstanceOfSatisfying(CommandException.class, e -> assertThat(e.exitCode()).isEqualTo(5))
                .hasMessage("cannot enable service ghost: `systemctl enable --now ghost` exited with 5:"
                        + " Failed to enable ghost.service: Unit ghost.service not found.");
    }

    @Test
    void aNameThatLooksLikeAnOptionIsRefusedBeforeRunningAnything() throws IOException {
        assertThatThrownBy(() -> services.stop("--all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a systemd unit name: \"--all\"");
        assertThat(stubs.calls()).isEmpty();
    }

    @Test
    void aMachineWithoutSystemctlSaysSo() {
        Services none = new Services(new ProcessCommandRunner(java.util.Map.of("PATH", directory.resolve("empty").toString())));

        assertThatThrownBy(() -> none.start("hello")).isInstanceOf(CommandNotFoundException.class)
                .hasMessageContaining("no executable systemctl");
    }
}
