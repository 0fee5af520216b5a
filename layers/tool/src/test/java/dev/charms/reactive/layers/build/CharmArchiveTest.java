package dev.charms.reactive.layers.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmArchiveTest {

    @TempDir
    Path temp;

    private static void build(BuildRequest request) throws IOException {
        CharmBuilder.build(request, warning -> { });
    }

    /** One central-directory entry, read independently of the writer. */
    record Entry(String name, int madeBy, int method, int mode, int dosTime, int dosDate) {
    }

    @Test
    void twoBuildsOfTheSameLayersGiveByteIdenticalArchives() throws IOException {
        SampleStack first = new SampleStack(temp.resolve("one"));
        SampleStack second = new SampleStack(temp.resolve("two"));
        Files.setLastModifiedTime(second.charmDir.resolve("README.md"), FileTime.fromMillis(1_000_000_000_000L));

        build(first.request(temp.resolve("out1"), false));
        build(second.request(temp.resolve("out2"), false));

        byte[] one = Files.readAllBytes(temp.resolve("out1/hello.charm"));
        byte[] two = Files.readAllBytes(temp.resolve("out2/hello.charm"));
        assertThat(two).isEqualTo(one);
    }

    @Test
    void rebuildingInPlaceGivesTheSameBytes() throws IOException {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        build(stack.request(temp.resolve("out"), false));
        byte[] before = Files.readAllBytes(temp.resolve("out/hello.charm"));

        build(stack.request(temp.resolve("out"), false));

        assertThat(Files.readAllBytes(temp.resolve("out/hello.charm"))).isEqualTo(before);
    }

    @Test
    void entriesAreSortedWithUnixModesAndTheDefaultTimestamp() throws IOException {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        build(stack.request(temp.resolve("out"), false));

        List<Entry> entries = centralDirectory(temp.resolve("out/hello.charm"));

        assertThat(entries).extracting(Entry::name).containsExactly(".build.manifest", "README.md", "actions.yaml",
                "bin/run.sh", "config.yaml", "dispatch", "hooks/install", "hooks/start", "hooks/upgrade-charm",
                "layer.yaml", "lib/dep-2.0.jar", "lib/hello-1.0.jar", "manifest.yaml", "metadata.yaml",
                "templates/app.conf");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.madeBy() >> 8).as("made by Unix").isEqualTo(3);
            assertThat(entry.dosDate()).as("1980-01-01").isEqualTo((1 << 5) | 1);
            assertThat(entry.dosTime()).isZero();
        });
        assertThat(entries).filteredOn(e -> e.name().equals("dispatch") || e.name().equals("bin/run.sh"))
                .extracting(Entry::mode).containsOnly(0100755);
        assertThat(entries).filteredOn(e -> e.name().startsWith("hooks/"))
                .extracting(Entry::mode, Entry::method).containsOnly(org.assertj.core.groups.Tuple.tuple(0120777, 0));
        assertThat(entries).filteredOn(e -> e.name().endsWith(".yaml") || e.name().endsWith(".jar"))
                .extracting(Entry::mode).containsOnly(0100644);
    }

    @Test
    void theArchiveHoldsTheBuiltFilesAndTheHookLinkTargets() throws IOException {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        build(stack.request(temp.resolve("out"), false));
        Path charm = temp.resolve("out/hello");

        try (ZipFile zip = new ZipFile(temp.resolve("out/hello.charm").toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                Path file = charm.resolve(entry.getName());
                byte[] expected = Files.isSymbolicLink(file)
                        ? Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8)
                        : Files.readAllBytes(file);
                assertThat(content).as(entry.getName()).isEqualTo(expected);
            }
            assertThat(new String(zip.getInputStream(zip.getEntry("hooks/install")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("../dispatch");
        }
    }

    @Test
    void sourceDateEpochSetsEveryEntrysTimestamp() throws IOException {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        BuildRequest request = stack.request(temp.resolve("out"), false);
        long epoch = 1_700_000_000L;
        build(new BuildRequest(request.charmDir(), request.outputDir(), request.libs(),
                request.search(), request.standardLayers(), request.dispatch(), false, true, epoch, true));

        try (ZipFile zip = new ZipFile(temp.resolve("out/hello.charm").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getTimeLocal).distinct().toList())
                    .containsExactly(LocalDateTime.of(2023, 11, 14, 22, 13, 20));
        }
    }

    private static List<Entry> centralDirectory(Path archive) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.limit() - 22;
        assertThat(zip.getInt(end)).isEqualTo(0x06054b50);
        int count = Short.toUnsignedInt(zip.getShort(end + 10));
        int position = zip.getInt(end + 16);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertThat(zip.getInt(position)).isEqualTo(0x02014b50);
            int nameLength = Short.toUnsignedInt(zip.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(zip.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(zip.getShort(position + 32));
            byte[] name = new byte[nameLength];
            zip.get(position + 46, name);
            entries.add(new Entry(new String(name, StandardCharsets.UTF_8), Short.toUnsignedInt(zip.getShort(position + 4)),
                    Short.toUnsignedInt(zip.getShort(position + 10)), zip.getInt(position + 38) >>> 16,
                    Short.toUnsignedInt(zip.getShort(position + 12)), Short.toUnsignedInt(zip.getShort(position + 14))));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }
}
