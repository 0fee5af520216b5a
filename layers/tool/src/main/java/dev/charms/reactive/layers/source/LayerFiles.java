package dev.charms.reactive.layers.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The files of one layer, wherever they live (a directory, or a jar's {@code reactive-layer/} folder). Paths
 * are relative to the layer root, with {@code /} separators, and already checked by
 * {@link dev.charms.reactive.layers.SafePath}.
 */
public interface LayerFiles {

    /** Where the layer lives, for messages: a directory path, or {@code /path/x.jar!/reactive-layer}. */
    String location();

    /** Where one file of the layer lives, for messages. */
    default String location(String path) {
        return location() + "/" + path;
    }

    /** Whether the layer has a regular file at {@code path}. */
    boolean isFile(String path);

    /**
     * The layer's regular files, sorted, leaving out every file and directory that {@code skip} accepts (it is
     * given the relative path and whether it names a directory; a skipped directory is not read at all).
     *
     * @throws dev.charms.reactive.layers.LayerToolException for a path or symlink that escapes the layer
     */
    List<String> list(BiPredicate<String, Boolean> skip);

    /** Opens a file of the layer. The caller closes the stream. */
    InputStream open(String path) throws IOException;

    /** Whether the file is executable (installed with mode 0755; others get 0644). */
    boolean executable(String path);

    /** Reads a whole file as UTF-8 text. */
    default String readString(String path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
