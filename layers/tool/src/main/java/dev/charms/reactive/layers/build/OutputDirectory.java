package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The build output directory {@code <output>/<charm>}: checked for local edits before a build, replaced as a
 * whole after it. A build is written into a hidden sibling directory and swapped in by renames only once it is
 * complete, so an interrupted or failed build never leaves a half-written charm where a good one was.
 */
final class OutputDirectory {

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> EXECUTABLE_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private OutputDirectory() {
    }

    /**
     * Refuses to build over {@code target} when that would lose work: files changed or added since the last
     * build (as recorded in its {@code .build.manifest}), or a non-empty directory no build made. With
     * {@code force}, warns instead. Files deleted since the last build are no loss and pass.
     *
     * @throws LayerToolException naming every edited file and the fix
     */
    static void checkLocalEdits(Path target, boolean force, Consumer<String> warnings) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new LayerToolException(target + ": exists and is not a directory; move it away");
        }
        Path manifest = target.resolve(BuildManifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isEmpty()) {
                    return;
                }
            }
            String problem = target + " exists but no build made it (no " + BuildManifest.FILE + ")";
            if (!force) {
                throw new LayerToolException(problem + "; move it away, or rerun with --force to replace it");
            }
            warnings.accept(problem + "; replacing it (--force)");
            return;
        }
        if (force) {
            return;
        }
        Map<String, String> recorded = BuildManifest.readSignatures(manifest);
        List<String> edits = new ArrayList<>();
        for (Path file : files(target)) {
            String path = target.relativize(file).toString().replace('\\', '/');
            String sha = recorded.get(path);
            if (path.equals(BuildManifest.FILE)) {
                continue;
            }
            if (sha == null) {
                edits.add(path + " (added)");
            } else if (!sha.equals(BuildManifest.sha256(file))) {
                edits.add(path + " (modified)");
            }
        }
        if (!edits.isEmpty()) {
            throw new LayerToolException(target + " was edited after it was built: " + String.join(", ", edits)
                    + "; move the changes into a layer, or rerun with --force to discard them");
        }
    }

    /** Creates an empty staging directory beside {@code target}, with mode 0755. */
    static Path stage(Path target) throws IOException {
        Path stage = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".build-");
        Files.setPosixFilePermissions(stage, DIRECTORY_MODE);
        return stage;
    }

    /** Replaces {@code target} (if any) by {@code stage}, by renames; on failure the old target is put back. */
    static void install(Path stage, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = stage.resolveSibling(stage.getFileName() + ".old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    /** Deletes {@code path} and everything below it, without following symbolic links; absent is fine. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Every file and symbolic link below {@code dir} (links are not followed), sorted by relative path. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                    .toList();
        }
    }
}
