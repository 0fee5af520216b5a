package dev.charms.reactive.testing.model;

import dev.charms.reactive.runtime.CharmRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A machine {@link ProcessHookDriver} simulates for the hook processes of its units, the process twin of
 * {@link dev.charms.reactive.testing.SimulatedHost}: a directory standing for its {@code /}, which the runtime's
 * {@code Files} takes as root when {@code REACTIVE_FILES_ROOT} names it, and host commands ({@link #COMMANDS}, links
 * to the script {@code host-command}) that succeed, record themselves and track systemd services. Package-private.
 */
final class SimulatedMachine {
    /** The commands simulated: those the runtime's {@code Apt} and {@code Services} run. */
    static final List<String> COMMANDS = List.of("apt-get", "systemctl");

    private static final String SCRIPT = "host-command";

    private final Path root;
    private final Path host;
    private final Path bin;

    private SimulatedMachine(Path directory) {
        this.root = directory.resolve("root");
        this.host = directory.resolve("host");
        this.bin = directory.resolve("bin");
    }

    /** A machine in {@code directory}: {@code root/} (its {@code /}), {@code host/} (the commands' records), {@code bin/}. */
    static SimulatedMachine create(Path directory) {
        SimulatedMachine machine = new SimulatedMachine(directory);
        try {
            Files.createDirectories(machine.root);
            Files.createDirectories(machine.host);
            Files.createDirectories(machine.bin);
            Path script = machine.bin.resolve(SCRIPT);
            try (InputStream in = SimulatedMachine.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException("resource " + SCRIPT + " is missing from the core jar, next to "
                            + SimulatedMachine.class.getName());
                }
                Files.write(script, in.readAllBytes());
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String command : COMMANDS) {
                Files.deleteIfExists(machine.bin.resolve(command));
                Files.createSymbolicLink(machine.bin.resolve(command), Path.of(SCRIPT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulated machine " + directory + ": " + e, e);
        }
        return machine;
    }

    /** The directory standing for the machine's {@code /}. */
    Path root() {
        return root;
    }

    /** The directory of the host commands, for {@code PATH}. */
    Path bin() {
        return bin;
    }

    /** The variables a hook process of the machine needs: {@code REACTIVE_FILES_ROOT} and {@code SIMULATED_HOST_DIR}. */
    Map<String, String> environment() {
        return Map.of(CharmRuntime.FILES_ROOT, root.toString(), "SIMULATED_HOST_DIR", host.toString());
    }

    /** The machine restarts: afterwards exactly the enabled services run. Records no command. */
    void reboot() {
        Path enabled = host.resolve("enabled");
        Path running = host.resolve("running");
        try {
            if (Files.exists(enabled)) {
                Files.copy(enabled, running, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(running);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reboot the simulated machine of " + host + ": " + e, e);
        }
    }

    /** The host commands run so far, in order, as {@code systemctl enable --now hello}. */
    List<String> commands() {
        Path log = host.resolve("commands.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e, e);
        }
    }
}
