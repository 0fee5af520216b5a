package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.source.LayerFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What goes into one file of the built charm, and how to write it. */
sealed interface Content {

    /** Writes the content at {@code target}, which does not exist yet. Modes are set by the caller. */
    void writeTo(Path target) throws IOException;

    /** Whether the file is installed executable (0755 rather than 0644). */
    boolean executable();

    /** Whether {@code other} writes exactly the same file. */
    boolean sameAs(Content other) throws IOException;

    /** A file of a layer, copied as is. */
    record LayerFile(LayerFiles files, String path, boolean executable) implements Content {
        @Override
        public void writeTo(Path target) throws IOException {
            try (InputStream in = files.open(path)) {
                Files.copy(in, target);
            }
        }

        @Override
        public boolean sameAs(Content other) throws IOException {
            return other instanceof LayerFile file && file.executable == executable
                    && Arrays.equals(bytes(), file.bytes());
        }

        private byte[] bytes() throws IOException {
            try (InputStream in = files.open(path)) {
                return in.readAllBytes();
            }
        }
    }

    /** Text the build generated (merged YAML, the dispatch script). */
    record Text(String text, boolean executable) implements Content {
        @Override
        public void writeTo(Path target) throws IOException {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }

        @Override
        public boolean sameAs(Content other) {
            return other.equals(this);
        }
    }

    /** A file outside every layer, copied as is: a jar of the charm's classpath. */
    record External(Path file) implements Content {
        @Override
        public void writeTo(Path target) throws IOException {
            Files.copy(file, target);
        }

        @Override
        public boolean executable() {
            return false;
        }

        @Override
        public boolean sameAs(Content other) throws IOException {
            return other instanceof External external && Files.mismatch(file, external.file) == -1;
        }
    }

    /** A relative symbolic link (a hook pointing at {@code ../dispatch}). */
    record Symlink(String target) implements Content {
        @Override
        public void writeTo(Path link) throws IOException {
            Files.createSymbolicLink(link, Path.of(target));
        }

        @Override
        public boolean executable() {
            return true;
        }

        @Override
        public boolean sameAs(Content other) {
            return other.equals(this);
        }
    }
}
