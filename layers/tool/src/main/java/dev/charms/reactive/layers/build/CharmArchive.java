package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.SafePath;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Packs a built charm directory into a {@code .charm} zip that is byte-for-byte reproducible: entries sorted by
 * path, one fixed timestamp, mode 0755 for executables and 0644 for other files, the hook links stored as
 * symbolic links (Juju's archive reader recreates them and checks they stay inside the charm). Directories have
 * no entries of their own.
 */
final class CharmArchive {

    private CharmArchive() {
    }

    /**
     * Writes the archive of {@code charmDir} to {@code archive} (replacing it).
     *
     * @throws LayerToolException for a symbolic link that is absolute or points outside the charm
     */
    static void write(Path charmDir, Path archive, long epochSeconds) throws IOException {
        try (ZipWriter zip = new ZipWriter(new BufferedOutputStream(Files.newOutputStream(archive)), epochSeconds)) {
            for (Path file : OutputDirectory.files(charmDir)) {
                String path = charmDir.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file)) {
                    String target = Files.readSymbolicLink(file).toString();
                    String problem = SafePath.linkProblem(path, target);
                    if (problem != null) {
                        throw new LayerToolException(charmDir + ": " + problem + "; cannot pack it into the charm");
                    }
                    zip.symlink(path, target);
                } else {
                    boolean executable = Files.getPosixFilePermissions(file)
                            .contains(PosixFilePermission.OWNER_EXECUTE);
                    zip.file(path, Files.readAllBytes(file), executable ? 0755 : 0644);
                }
            }
        }
    }
}
