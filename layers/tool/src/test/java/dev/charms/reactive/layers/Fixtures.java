package dev.charms.reactive.layers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes layers, charms and jars into temporary directories, and reads built trees back. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Writes {@code content} at {@code root/path}, creating parents; mode 0644. */
    public static Path write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an executable (0755) file at {@code root/path}. */
    public static Path executable(Path root, String path, String content) {
        Path file = write(root, path, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a jar at {@code file} holding {@code entries} (name to text), in the order given. */
    public static Path jar(Path file, Map<String, String> entries) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a jar at {@code jar} holding every file below {@code classes}, sorted by path. */
    public static Path jarOf(Path jar, Path classes) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file below {@code dir} by relative path: its text, {@code -> target} for a symbolic link, the size of
     * a jar or .charm, and a trailing {@code " (0755)"} for executables.
     */
    public static Map<String, String> tree(Path dir) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String path = dir.relativize(file).toString();
                if (Files.isSymbolicLink(file)) {
                    tree.put(path, "-> " + Files.readSymbolicLink(file));
                } else if (path.endsWith(".jar") || path.endsWith(".charm")) {
                    tree.put(path, "(" + Files.size(file) + " bytes)");
                } else {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                    tree.put(path, Files.readString(file) + (mode.equals("rwxr-xr-x") ? " (0755)"
                            : mode.equals("rw-r--r--") ? "" : " (" + mode + ")"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** Reads a file as UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
