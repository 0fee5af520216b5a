package dev.charms.reactive.refresh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Juju's record of the charm a machine unit runs: the file {@code .juju-charm} in the charm directory, holding the
 * charm's URL, e.g. {@code ch:amd64/jammy/postgresql-602} or {@code local:jammy/kv-store-3}. Its revision is what a
 * rollback goes back to.
 */
public final class DeployedCharm {
    /** The file's name in the charm directory. */
    public static final String FILE = ".juju-charm";

    private static final Pattern REVISION = Pattern.compile(".*-(\\d{1,9})");

    private DeployedCharm() {
    }

    /** The revision at the end of a charm URL; empty when it has none. */
    public static OptionalInt revision(String charmUrl) {
        Matcher m = REVISION.matcher(charmUrl.strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * The revision recorded in {@code charmDir}; empty when the file does not exist (outside Juju, e.g. in the model
     * simulator) or names no revision.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static OptionalInt revisionIn(Path charmDir) {
        Path file = charmDir.resolve(FILE);
        try {
            return revision(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ", Juju's record of the deployed charm: " + e, e);
        }
    }
}
