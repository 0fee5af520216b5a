package dev.charms.reactive.testing.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The file work of {@link ProcessHookDriver}: unpacking a {@code .charm} with its modes and symbolic links, as
 * Juju does, and copying a charm directory per unit. Package-private.
 */
final class BuiltCharmFiles {
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int SYMBOLIC_LINK = 0120000;

    private BuiltCharmFiles() {
    }

    /**
     * Unpacks the zip {@code archive} into the new directory {@code target}: each entry's Unix mode (from the
     * central directory's external attributes) is applied, and entries whose mode says symbolic link become links.
     *
     * @throws UncheckedIOException if the archive cannot be read, or an entry or link would land outside
     *     {@code target}; the message names the archive and the entry
     */
    static void unpack(Path archive, Path target) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Map<String, Integer> modes = unixModes(archive);
            Path root = target.toAbsolutePath().normalize();
            Files.createDirectories(root);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path file = inside(root, root.resolve(entry.getName()), archive, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                int mode = modes.getOrDefault(entry.getName(), 0644);
                if ((mode & TYPE_MASK) == SYMBOLIC_LINK) {
                    Path link = Path.of(new String(content, StandardCharsets.UTF_8));
                    inside(root, file.getParent().resolve(link), archive, entry.getName() + " -> " + link);
                    Files.createSymbolicLink(file, link);
                } else {
                    Files.write(file, content);
                    Files.setPosixFilePermissions(file, permissions(mode));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the charm " + archive + " into " + target + ": " + e, e);
        }
    }

    /** Copies the directory {@code source} into {@code target}, keeping modes and symbolic links as links. */
    static void copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the charm " + source + " to " + target + ": " + e, e);
        }
    }

    /** Deletes {@code dir} and everything in it, symbolic links as links; nothing when it does not exist. */
    static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e, e);
        }
    }

    /** Deletes everything in {@code dir} except its entry {@code kept}. */
    static void deleteAllBut(Path dir, String kept) {
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(child -> !child.getFileName().toString().equals(kept)).forEach(BuiltCharmFiles::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir + ": " + e, e);
        }
    }

    private static Path inside(Path root, Path path, Path archive, String entry) throws IOException {
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IOException("entry " + entry + " of " + archive + " points outside the charm");
        }
        return normal;
    }

    /** The Unix mode of each entry made on Unix, read from the zip's central directory. */
    private static Map<String, Integer> unixModes(Path archive) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.limit() - 22;
        while (end >= 0 && zip.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
            end--;
        }
        if (end < 0) {
            throw new IOException(archive + " has no zip central directory");
        }
        int entries = Short.toUnsignedInt(zip.getShort(end + 10));
        int at = zip.getInt(end + 16);
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            if (zip.getInt(at) != CENTRAL_HEADER) {
                throw new IOException(archive + ": central directory entry " + i + " is damaged");
            }
            int madeBy = Short.toUnsignedInt(zip.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
            int external = zip.getInt(at + 38);
            byte[] name = new byte[nameLength];
            zip.get(at + 46, name);
            if (madeBy == UNIX && external >>> 16 != 0) {
                modes.put(new String(name, StandardCharsets.UTF_8), external >>> 16);
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        Set<PosixFilePermission> permissions = new HashSet<>();
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
