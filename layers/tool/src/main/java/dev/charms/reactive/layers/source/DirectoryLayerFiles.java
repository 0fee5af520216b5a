package dev.charms.reactive.layers.source;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.SafePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.Set;

/**
 * A layer that is a directory. Symbolic links to files inside the layer are read through; a link that points
 * outside the layer, a link to a directory, and special files (pipes, sockets, devices) are errors. Directories
 * listed in {@code prune} (for instance the build output, when it sits inside the charm's source) are not read.
 */
public final class DirectoryLayerFiles implements LayerFiles {

    private final Path root;
    private final Set<Path> prune;

    /**
     * @param root  the layer directory; must exist
     * @param prune absolute, real paths of directories never to enter
     */
    public DirectoryLayerFiles(Path root, Set<Path> prune) {
        this.root = root.toAbsolutePath().normalize();
        this.prune = Set.copyOf(prune);
    }

    /** The layer directory, absolute. */
    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(root.resolve(path));
    }

    @Override
    public List<String> list(BiPredicate<String, Boolean> skip) {
        List<String> files = new ArrayList<>();
        try {
            Path realRoot = root.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean skipped = skip.test(relative(dir), true) || prune.contains(dir.toRealPath());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(file);
                    if (skip.test(path, false)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        checkLink(file, realRoot);
                    } else if (!attrs.isRegularFile()) {
                        throw new LayerToolException(file + ": not a regular file, directory or symlink;"
                                + " remove it from the layer or exclude it in layer.yaml");
                    }
                    files.add(path);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(files);
        return files;
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(root.resolve(path));
    }

    @Override
    public boolean executable(String path) {
        Path file = root.resolve(path);
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String relative(Path path) {
        return SafePath.check(root.relativize(path).toString().replace('\\', '/'), location());
    }

    private void checkLink(Path link, Path realRoot) throws IOException {
        Path target = Files.readSymbolicLink(link);
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            throw new LayerToolException(link + ": symlink to " + target + ", which does not exist;"
                    + " fix or remove the link", e);
        }
        if (!real.startsWith(realRoot)) {
            throw new LayerToolException(link + ": symlink points outside the layer (to " + target + ");"
                    + " copy the file into the layer instead");
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new LayerToolException(link + ": symlink to a directory (" + target + ");"
                    + " layers may only link to files: move or copy the directory instead");
        }
    }
}
