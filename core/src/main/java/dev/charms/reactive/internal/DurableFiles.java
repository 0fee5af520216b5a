package dev.charms.reactive.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The two steps every atomic file replacement in the framework shares (the unit state file and
 * {@code host.Files.write}): writing a temporary file's content durably before it is renamed into place, and
 * syncing the directory after the rename so the rename itself survives a crash; and {@link #replace}, which does
 * it all for a file with a fixed temporary name.
 */
public final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code content} into the existing file {@code temp} and forces it to disk. */
    public static void writeAndForce(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Replaces {@code file} with {@code text} (UTF-8) atomically and durably: through {@code <file>.tmp} in the
     * same directory, which is forced to disk, renamed over {@code file}, and the directory synced. For files
     * one process writes at a time, such as what the bootstrap records.
     */
    public static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        writeAndForce(temp, text.getBytes(StandardCharsets.UTF_8));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Forces {@code directory}'s entries (a rename into it) to disk. Best effort: some platforms cannot open or
     * sync a directory; the rename has then happened and is as durable as the file system makes it, and failing
     * the caller would only misreport a write that succeeded.
     */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // See the Javadoc: nothing more can be done, and the content is already in place.
        }
    }
}
