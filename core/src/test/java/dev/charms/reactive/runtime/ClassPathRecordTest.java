package dev.charms.reactive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path record: what the jars provide, reused only while every jar is the one recorded. */
class ClassPathRecordTest {
    @TempDir
    Path dir;

    private Path jar;
    private Path record;
    private URLClassLoader loader;

    /** A resolver listed in the test jar's services file. */
    public static final class Resolver implements ParameterResolver {
        @Override
        public boolean supports(Class<?> type) {
            return type == Resolver.class;
        }

        @Override
        public Object resolve(Class<?> type, ResolutionContext context) {
            return this;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        jar = dir.resolve("charm.jar");
        writeJar(jar, RuntimeCharm.Index.class.getName());
        record = dir.resolve("class-path.json");
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    private static void writeJar(Path jar, String index) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/dev.charms.reactive.spi.HandlerIndex"));
            zip.write((index + "\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new JarEntry("META-INF/services/dev.charms.reactive.spi.ParameterResolver"));
            zip.write((Resolver.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void recordsTheIndexesAndResolversOfTheJarsAndCreatesThemAgain() throws IOException {
        assertThat(ClassPathRecord.write(record, loader, List.of(jar))).isTrue();

        assertThat(Files.readString(record)).contains(jar.toString(), RuntimeCharm.Index.class.getName(),
                Resolver.class.getName());
        ClassPathRecord read = ClassPathRecord.read(record, loader, List.of(jar)).orElseThrow();
        assertThat(read.indexes()).singleElement().isInstanceOf(RuntimeCharm.Index.class);
        assertThat(read.resolvers()).singleElement().isInstanceOf(Resolver.class);
    }

    @Test
    void aJarOfAnotherAgeOrSizeOrAnotherClassPathVoidsTheRecord() throws IOException {
        ClassPathRecord.write(record, loader, List.of(jar));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(ClassPathRecord.read(record, loader, List.of(jar))).as("another age").isEmpty();

        ClassPathRecord.write(record, loader, List.of(jar));
        FileTime age = Files.getLastModifiedTime(jar);
        writeJar(jar, RuntimeCharm.Index.class.getName() + "\n# one more line");
        Files.setLastModifiedTime(jar, age);
        assertThat(ClassPathRecord.read(record, loader, List.of(jar))).as("another size, same age").isEmpty();

        URLClassLoader rewritten = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        ClassPathRecord.write(record, rewritten, List.of(jar));
        Path other = Files.copy(jar, dir.resolve("other.jar"));
        assertThat(ClassPathRecord.read(record, rewritten, List.of(jar, other))).as("another class path").isEmpty();
        assertThat(ClassPathRecord.read(record, rewritten, List.of(jar))).isPresent();
    }

    @Test
    void aDirectoryOnTheClassPathOrAnotherLoaderThanTheSystemOneGetsNoRecord() throws IOException {
        ClassPathRecord.write(record, loader, List.of(jar));

        assertThat(ClassPathRecord.write(record, loader, List.of(jar, dir))).isFalse();
        assertThat(record).doesNotExist();

        ClassPathRecord.write(record, loader, List.of(jar));
        assertThat(ClassPathRecord.read(record, loader)).as("the system class path is not this loader's").isEmpty();
        assertThat(ClassPathRecord.write(record, loader)).isFalse();
        assertThat(record).doesNotExist();
    }

    @Test
    void aRecordThatNamesNoIndexOrAClassThatIsGoneIsNotUsed() throws IOException {
        ClassPathRecord.write(record, loader, List.of(jar));
        String written = Files.readString(record);

        Files.writeString(record, written.replace(RuntimeCharm.Index.class.getName(), "gone.Index"));
        assertThat(ClassPathRecord.read(record, loader, List.of(jar))).isEmpty();

        Files.writeString(record, written.replace("\"" + RuntimeCharm.Index.class.getName() + "\"", ""));
        assertThat(ClassPathRecord.read(record, loader, List.of(jar))).isEmpty();

        Files.writeString(record, "{");
        assertThat(ClassPathRecord.read(record, loader, List.of(jar))).isEmpty();
    }

    @Test
    void aClassPathWithoutHandlerIndexesGetsNoRecord() throws IOException {
        Path empty = dir.resolve("empty.jar");
        new JarOutputStream(Files.newOutputStream(empty)).close();
        URLClassLoader withoutIndexes = new URLClassLoader(new URL[] {empty.toUri().toURL()}, null);

        assertThat(ClassPathRecord.write(record, withoutIndexes, List.of(empty))).isFalse();
        assertThat(record).doesNotExist();
    }
}
