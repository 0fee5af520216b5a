package dev.charms.reactive.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/** Stub programs (POSIX sh) in a directory that is first on the PATH of the runner it hands out. */
final class StubCommands {
    private final Path directory;

    StubCommands(Path directory) {
        this.directory = directory;
    }

    /** Writes an executable {@code name} running {@code body} under {@code /bin/sh}; $STUBS is the stub directory. */
    StubCommands command(String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\nSTUBS='" + directory + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** A stub that appends its name and arguments (space-joined) to calls.log, then runs {@code body}. */
    StubCommands recording(String name, String body) throws IOException {
        return command(name, "echo \"" + name + " $*\" >> \"$STUBS/calls.log\"\n" + body);
    }

    ProcessCommandRunner runner() {
        return new ProcessCommandRunner(Map.of("PATH", directory + ":/usr/bin:/bin"));
    }

    List<String> calls() throws IOException {
        Path log = directory.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    Path directory() {
        return directory;
    }
}
