package dev.charms.reactive.layers.proof;

import dev.charms.reactive.layers.SafePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The charm's files as Juju's unit agent and archiver see them: an executable {@code dispatch} (or hooks),
 * the hook links older Juju needs, executable hooks, and no symbolic link or special file Juju rejects.
 */
final class LayoutRules {

    private static final List<String> LEGACY_HOOKS = List.of("hooks/install", "hooks/start", "hooks/upgrade-charm");

    private LayoutRules() {
    }

    static void check(Path charmDir, Findings findings) {
        Path dispatch = charmDir.resolve("dispatch");
        if (Files.exists(dispatch)) {
            if (!Files.isRegularFile(dispatch) || !Files.isExecutable(dispatch)) {
                findings.error("dispatch", "", "not an executable file: Juju fails every hook; chmod 755 dispatch");
            }
            for (String hook : LEGACY_HOOKS) {
                if (!Files.exists(charmDir.resolve(hook))) {
                    findings.info(hook, "", "missing: Juju before 2.8 ignores dispatch and runs this hook;"
                            + " link it to ../dispatch");
                }
            }
        } else if (Files.isDirectory(charmDir.resolve("hooks"))) {
            findings.info("dispatch", "", "missing: Juju runs hooks/<hook-name> directly");
        } else {
            findings.error("dispatch", "", "missing, and there is no hooks/ directory: Juju has nothing to run");
        }
        try {
            Files.walkFileTree(charmDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = charmDir.relativize(file).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) {
                        String problem = SafePath.linkProblem(path, Files.readSymbolicLink(file).toString());
                        if (problem != null) {
                            findings.error(path, "", problem);
                        }
                    } else if (attrs.isOther()) {
                        findings.error(path, "", "not a regular file, directory or symlink; Juju rejects pipes,"
                                + " sockets and devices");
                    } else if (path.startsWith("hooks/") && !Files.isExecutable(file)) {
                        findings.warning(path, "", "hook is not executable; chmod 755 it");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
