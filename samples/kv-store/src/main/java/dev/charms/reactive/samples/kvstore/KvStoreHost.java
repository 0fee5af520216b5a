package dev.charms.reactive.samples.kvstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit's kv-store on its machine, in its own directory. The store stands in for a real one, with files only, so
 * that the charm runs the same under Juju and in the model simulator:
 * <ul>
 *   <li>{@code version}: the installed version;</li>
 *   <li>{@code port}: the port it is configured to listen on;</li>
 *   <li>{@code running}: present while it runs;</li>
 *   <li>{@code fault}: present while it is broken (it then does not answer, running or not): what a test, or an
 *       operator trying the charm out, creates to make a unit unhealthy and removes to heal it;</li>
 *   <li>{@code compacting}: present while it compacts its data, when it must not be refreshed;</li>
 *   <li>{@code offline}: present while the machine cannot download a new version, so installing one fails;</li>
 *   <li>{@code backups/}: the backups taken.</li>
 * </ul>
 */
public final class KvStoreHost {
    private final Path dir;

    /** The store in {@code dir}, created on first install. */
    public KvStoreHost(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The store's directory. */
    public Path dir() {
        return dir;
    }

    /** The installed version; empty before the first install. */
    public Optional<String> installedVersion() {
        return read("version");
    }

    /** The configured port; empty before it was configured. */
    public Optional<Integer> port() {
        return read("port").map(Integer::valueOf);
    }

    /**
     * Installs {@code version} in place of what was installed.
     *
     * @throws IllegalStateException if the machine is offline and {@code version} is not installed already
     */
    public void install(String version) {
        if (Files.exists(dir.resolve("offline")) && !installedVersion().equals(Optional.of(version))) {
            throw new IllegalStateException("cannot download kv-store " + version + ": the machine is offline ("
                    + dir.resolve("offline") + ")");
        }
        write("version", version);
    }

    /** Sets the port it listens on from its next start. */
    public void configure(int port) {
        write("port", String.valueOf(port));
    }

    /** Starts it. */
    public void start() {
        write("running", "");
    }

    /** Stops it. */
    public void stop() {
        delete("running");
    }

    /** Whether it runs and answers. */
    public boolean answers() {
        return Files.exists(dir.resolve("running")) && !Files.exists(dir.resolve("fault"));
    }

    /** Whether it is compacting its data. */
    public boolean compacting() {
        return Files.exists(dir.resolve("compacting"));
    }

    /** Breaks it ({@code heal} repairs it): it stops answering. */
    public void breakDown() {
        write("fault", "");
    }

    /** Repairs it after {@link #breakDown}. */
    public void heal() {
        delete("fault");
    }

    /** Takes the machine offline, or back online. */
    public void offline(boolean offline) {
        if (offline) {
            write("offline", "");
        } else {
            delete("offline");
        }
    }

    /** Starts or ends a compaction. */
    public void compacting(boolean compacting) {
        if (compacting) {
            write("compacting", "");
        } else {
            delete("compacting");
        }
    }

    /** Writes a backup of the installed version and port; returns its file. */
    public Path backup() {
        try {
            Path backups = Files.createDirectories(dir.resolve("backups"));
            long count;
            try (var existing = Files.list(backups)) {
                count = existing.count();
            }
            Path backup = backups.resolve("backup-" + (count + 1));
            return Files.writeString(backup, "version=" + installedVersion().orElse("") + "\nport="
                    + port().map(String::valueOf).orElse("") + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a backup of kv-store in " + dir + ": " + e, e);
        }
    }

    private Optional<String> read(String file) {
        Path path = dir.resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e, e);
        }
    }

    private void write(String file, String content) {
        Path path = dir.resolve(file);
        try {
            Files.createDirectories(dir);
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e, e);
        }
    }

    private void delete(String file) {
        Path path = dir.resolve(file);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e, e);
        }
    }
}
