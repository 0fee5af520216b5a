package dev.charms.reactive.host;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes files the way configuration files should be written: a reader sees the old content or
 * the new content, never half of it.
 *
 * <p>{@link #write(Path, byte[], int, String, String)} writes a temporary file beside the target, flushes it
 * to disk, gives it its mode (and owner and group), renames it over the target and flushes the directory.
 * Missing parent directories are created. When the target is a symbolic link, the file it points to is
 * replaced and the link kept. If anything fails, the temporary file is removed, the old content is left as
 * it was, and an {@link UncheckedIOException} names the path and the cause.
 *
 * <pre>{@code
 * files.write("/etc/hello.conf", "greeting=hi\n", 0644);
 * files.write(Path.of("/etc/hello/secret"), token, 0640, "root", "hello");
 * }</pre>
 *
 * <p>Text is UTF-8. Modes are the usual octal permission bits ({@code 0644}); set-id and sticky bits are
 * not supported.
 */
@Injectable
public final class Files {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /** Where every path is taken to lie; null for the machine's own file system. */
    private final Path root;

    /** Files on the machine's own file system. */
    public Files() {
        this.root = null;
    }

    private Files(Path root) {
        this.root = root;
    }

    /**
     * Files of a simulated machine whose file system is the directory {@code root}: every path is taken relative
     * to it, so {@code /etc/hello.conf} is {@code root/etc/hello.conf} (and a relative path, relative to the charm
     * directory on a real machine, is relative to {@code root}). Errors name the path as given. Symbolic links are
     * followed as the real file system has them, so a link may lead out of {@code root}. For tests: see
     * {@link dev.charms.reactive.testing.SimulatedHost}.
     */
    public static Files under(Path root) {
        return new Files(root.toAbsolutePath());
    }

    /** Where {@code path} lies on this JVM's file system. */
    private Path located(Path path) {
        if (root == null) {
            return path;
        }
        return root.resolve(path.isAbsolute() ? path.getRoot().relativize(path) : path);
    }

    /** Writes {@code content} to {@code path} atomically with {@code mode}, owned by the hook's user. */
    public void write(String path, String content, int mode) {
        write(Path.of(path), content, mode);
    }

    /** Writes {@code content} to {@code path} atomically with {@code mode}, owned by the hook's user. */
    public void write(Path path, String content, int mode) {
        write(path, content.getBytes(StandardCharsets.UTF_8), mode, null, null);
    }

    /** Writes {@code content} to {@code path} atomically with {@code mode}, owned by the hook's user. */
    public void write(Path path, byte[] content, int mode) {
        write(path, content, mode, null, null);
    }

    /** Writes {@code content} to {@code path} atomically with {@code mode}, {@code owner} and {@code group}. */
    public void write(Path path, String content, int mode, String owner, String group) {
        write(path, content.getBytes(StandardCharsets.UTF_8), mode, owner, group);
    }

    /**
     * Writes {@code content} to {@code path} atomically.
     *
     * @param mode permission bits such as {@code 0644}
     * @param owner the user to own the file, or null to leave it to the hook's user
     * @param group the group to own the file, or null to leave it to the hook user's group
     * @throws UncheckedIOException naming the path when the file cannot be written, or the user or group
     *     does not exist; the old content is then unchanged
     */
    public void write(Path path, byte[] content, int mode, String owner, String group) {
        Set<PosixFilePermission> permissions = permissions(mode);
        Path target = located(path).toAbsolutePath();
        Path temporary = null;
        boolean replaced = false;
        try {
            if (java.nio.file.Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
            Path directory = target.getParent();
            java.nio.file.Files.createDirectories(directory);
            temporary = java.nio.file.Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            DurableFiles.writeAndForce(temporary, content);
            java.nio.file.Files.setPosixFilePermissions(temporary, permissions);
            setOwnership(temporary, owner, group);
            java.nio.file.Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            replaced = true;
            DurableFiles.syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + describe(e)
                    + (replaced ? "" : "; its old content is unchanged"), e);
        } finally {
            if (!replaced) {
                deleteQuietly(temporary);
            }
        }
    }

    /** The file's content as UTF-8 text. */
    public String read(String path) {
        return read(Path.of(path));
    }

    /**
     * The file's content as UTF-8 text.
     *
     * @throws UncheckedIOException naming the path when it does not exist or cannot be read
     */
    public String read(Path path) {
        try {
            return java.nio.file.Files.readString(located(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + describe(e), e);
        }
    }

    /** The file's content as UTF-8 text, or empty when there is no file. */
    public Optional<String> readIfExists(Path path) {
        return exists(path) ? Optional.of(read(path)) : Optional.empty();
    }

    /** True when something exists at {@code path} (a link counts when its target exists). */
    public boolean exists(String path) {
        return exists(Path.of(path));
    }

    /** True when something exists at {@code path} (a link counts when its target exists). */
    public boolean exists(Path path) {
        return java.nio.file.Files.exists(located(path));
    }

    /** Deletes the file (or empty directory) if there is one; returns whether there was. */
    public boolean delete(String path) {
        return delete(Path.of(path));
    }

    /**
     * Deletes the file (or empty directory) if there is one; returns whether there was.
     *
     * @throws UncheckedIOException naming the path when it exists but cannot be deleted
     */
    public boolean delete(Path path) {
        try {
            return java.nio.file.Files.deleteIfExists(located(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + describe(e), e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        if ((mode & ~0777) != 0) {
            throw new IllegalArgumentException("file mode 0" + Integer.toOctalString(mode)
                    + " has bits beyond 0777; only permission bits (such as 0644) are supported");
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BITS[bit]);
            }
        }
        return permissions;
    }

    private static void setOwnership(Path file, String owner, String group) throws IOException {
        if (owner == null && group == null) {
            return;
        }
        PosixFileAttributeView view = java.nio.file.Files.getFileAttributeView(file, PosixFileAttributeView.class);
        UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
        if (owner != null) {
            view.setOwner(users.lookupPrincipalByName(owner));
        }
        if (group != null) {
            view.setGroup(users.lookupPrincipalByGroupName(group));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof UserPrincipalNotFoundException notFound) {
            return "there is no user or group named \"" + notFound.getName() + "\"";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(temporary);
        } catch (IOException cleanupFailed) {
            // The write has already failed with a better message; a stray dot-file is the lesser problem.
        }
    }
}
