package dev.charms.reactive.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {
    @TempDir
    Path directory;

    final Files files = new Files();

    private String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path));
    }

    private Stream<String> namesIn(Path dir) throws IOException {
        return java.nio.file.Files.list(dir).map(path -> path.getFileName().toString());
    }

    @Test
    void writesContentWithTheModeAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("hello.conf");

        files.write(target.toString(), "greeting=hi\n", 0640);

        assertThat(java.nio.file.Files.readString(target)).isEqualTo("greeting=hi\n");
        assertThat(permissions(target)).isEqualTo("rw-r-----");
        assertThat(namesIn(directory)).containsExactly("hello.conf");
    }

    @Test
    void replacesOldContentAndMode() throws IOException {
        Path target = directory.resolve("hello.conf");
        files.write(target, "old", 0600);

        files.write(target, "new", 0755);

        assertThat(files.read(target)).isEqualTo("new");
        assertThat(permissions(target)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void createsMissingParentDirectories() {
        Path target = directory.resolve("etc/hello/hello.conf");

        files.write(target, "x", 0644);

        assertThat(files.exists(target)).isTrue();
    }

    @Test
    void setsOwnerAndGroup() throws IOException {
        Path target = directory.resolve("owned");
        String user = System.getProperty("user.name");
        String group = java.nio.file.Files.readAttributes(directory, java.nio.file.attribute.PosixFileAttributes.class)
                .group().getName();

        files.write(target, "x", 0600, user, group);

        assertThat(java.nio.file.Files.getOwner(target).getName()).isEqualTo(user);
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("hello.conf");
        files.write(target, "old", 0644);

        assertThatThrownBy(() -> files.write(target, "new", 0644, "no-such-user-here", null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + target + ": there is no user or group named \"no-such-user-here\";"
                        + " its old content is unchanged");

        assertThat(files.read(target)).isEqualTo("old");
        assertThat(permissions(target)).isEqualTo("rw-r--r--");
        assertThat(namesIn(directory)).containsExactly("hello.conf");
    }

    @Test
    void writingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path real = directory.resolve("real.conf");
        Path link = directory.resolve("link.conf");
        files.write(real, "old", 0644);
        java.nio.file.Files.createSymbolicLink(link, real.getFileName());

        files.write(link, "new", 0644);

        assertThat(java.nio.file.Files.isSymbolicLink(link)).isTrue();
        assertThat(files.read(real)).isEqualTo("new");
    }

    @Test
    void refusesModesBeyondPermissionBits() {
        assertThatThrownBy(() -> files.write(directory.resolve("x"), "x", 04755))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file mode 04755 has bits beyond 0777");
        assertThat(files.exists(directory.resolve("x"))).isFalse();
    }

    @Test
    void readingAMissingFileNamesIt() {
        Path missing = directory.resolve("missing.conf");

        assertThatThrownBy(() -> files.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read " + missing + ": no such file or directory: " + missing);
        assertThat(files.readIfExists(missing)).isEmpty();
    }

    @Test
    void deleteSaysWhetherThereWasAFile() {
        Path target = directory.resolve("gone");
        files.write(target, "x", 0644);

        assertThat(files.delete(target)).isTrue();
        assertThat(files.delete(target.toString())).isFalse();
        assertThat(files.exists(target.toString())).isFalse();
    }

    @Test
    void underARootEveryPathLiesInsideItAndErrorsNameThePathAsGiven() {
        Files machine = Files.under(directory);

        machine.write("/etc/hello/hello.conf", "greeting=hi\n", 0644);

        assertThat(java.nio.file.Files.exists(directory.resolve("etc/hello/hello.conf"))).isTrue();
        assertThat(machine.read("/etc/hello/hello.conf")).isEqualTo("greeting=hi\n");
        assertThat(machine.exists("/etc/hello/hello.conf")).isTrue();
        assertThat(machine.delete("/etc/hello/hello.conf")).isTrue();
        assertThat(java.nio.file.Files.exists(directory.resolve("etc/hello/hello.conf"))).isFalse();
        assertThatThrownBy(() -> machine.read("/etc/hello/hello.conf")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read /etc/hello/hello.conf: ");
    }
}
