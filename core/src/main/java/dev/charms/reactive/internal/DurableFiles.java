package dev.charms.reactive.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The two steps every atomic file replacement in the framework shares (the unit state file and
 * {@code host.Files.write}): writing a temporary file's content durably before it is renamed into place, and
 * syncing the directory after the rename so the rename itself survives a crash.
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
