package dev.charms.reactive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StateFileTest {
    private static final String REFUSE = " Refusing to reset it; restore a backup or delete it to start afresh"
            + " (the unit then forgets its flags and stored data).";

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve("state.json");
    }

    private StateFile file() {
        return StateFile.at(path());
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private String readFailure() {
        return assertThatThrownBy(() -> file().read())
                .isInstanceOf(StateFileException.class)
                .satisfies(e -> assertThat(((StateFileException) e).path()).isEqualTo(path()))
                .actual().getMessage();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingFileReadsAsAnEmptyObject() {
        assertThat(file().read()).isEqualTo(new JsonObject());
        assertThat(path()).doesNotExist();
    }

    @Test
    void writeThenReadGivesTheStateBackWithoutTheFormatField() {
        JsonObject state = json("{\"flags\": {\"hello.installed\": null, \"db.ready\": {\"port\": 5432}},"
                + " \"kv\": [1, 2.5, \"three\", true, null]}");

        file().write(state);

        assertThat(file().read()).isEqualTo(state);
        assertThat(file().read().has(StateFile.FORMAT_KEY)).isFalse();
    }

    @Test
    void theFileIsPrettyPrintedWithTheFormatFirstAndKeysSortedAtEveryLevel() throws IOException {
        file().write(json("{\"z\": 1, \"a\": {\"y\": true, \"b\": [{\"d\": null, \"c\": \"x\"}]}}"));

        assertThat(Files.readString(path())).isEqualTo("""
                {
                  "format": 1,
                  "a": {
                    "b": [
                      {
                        "c": "x",
                        "d": null
                      }
                    ],
                    "y": true
                  },
                  "z": 1
                }
                """);
    }

    @Test
    void theSameStateAlwaysGivesTheSameBytes() throws IOException {
        file().write(json("{\"b\": 2, \"a\": {\"d\": 4, \"c\": 3}}"));
        byte[] first = Files.readAllBytes(path());

        file().write(json("{\"a\": {\"c\": 3, \"d\": 4}, \"b\": 2}"));

        assertThat(Files.readAllBytes(path())).isEqualTo(first);
    }

    @Test
    void aRelativePathIsMadeAbsolute() {
        assertThat(StateFile.at(Path.of("state.json")).path())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("state.json"));
    }

    @Test
    void theFileIsOnlyReadableByItsOwnerEvenWhenItReplacesAWorldReadableOne() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX file permissions");
        Files.writeString(path(), "{\"format\": 1}");
        Files.setPosixFilePermissions(path(), PosixFilePermissions.fromString("rw-r--r--"));

        file().write(json("{\"secret\": \"s3cr3t\"}"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path()))).isEqualTo("rw-------");
    }

    static Stream<Arguments> untrustworthyFiles() {
        return Stream.of(
                arguments("malformed JSON", "{\n  \"format\": 1,\n  \"flags\": {\"a\": 1\n",
                        "invalid JSON at line 4, column 1 (End of input)"),
                arguments("lenient JSON", "{\"format\": 1, 'flags': {}}", "invalid JSON at line 1, column 16"),
                arguments("text after the object", "{\"format\": 1}\n{\"format\": 1}",
                        "invalid JSON at line 2, column 2 (unexpected text after the top-level value)"),
                arguments("an empty file", " \n", "it is empty"),
                arguments("an array", "[{\"format\": 1}]", "expected a JSON object at the top level, found an array"),
                arguments("no format field", "{\"flags\": {}}",
                        "it has no \"format\" field, so this runtime did not write it"),
                arguments("a format that is not a number", "{\"format\": \"1\"}",
                        "its \"format\" field is \"1\", not a format version number"),
                arguments("a fractional format", "{\"format\": 1.5}",
                        "its \"format\" field is 1.5, not a format version number"),
                arguments("a format below 1", "{\"format\": 0}",
                        "its format version 0 is not one this runtime knows (it supports 1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyFiles")
    void aCorruptFileIsReportedWithWhatIsWrongAndNeverReset(String what, String content, String problem)
            throws IOException {
        Files.writeString(path(), content);

        assertThat(readFailure()).isEqualTo("Unit state file " + path() + " is corrupt: " + problem + "." + REFUSE);
        assertThat(path()).hasContent(content);
    }

    @Test
    void bytesThatAreNotUtf8AreCorrupt() throws IOException {
        Files.write(path(), new byte[] {'{', (byte) 0xC3, '}'});

        assertThat(readFailure()).isEqualTo("Unit state file " + path()
                + " is corrupt: it is not valid UTF-8 text." + REFUSE);
    }

    @Test
    void aNewerFormatSaysWhichVersionWasFoundAndWhichIsSupported() throws IOException {
        Files.writeString(path(), "{\"format\": 2, \"flags\": {}}");

        assertThat(readFailure()).isEqualTo("Unit state file " + path() + " has format version 2, but this"
                + " runtime supports only version 1: a newer release of the charm wrote it. Refresh the unit to"
                + " that release again." + REFUSE);
    }

    @Test
    void aFileThatCannotBeReadIsAnIoErrorNamingIt() throws IOException {
        Files.createDirectory(path());

        assertThat(readFailure()).startsWith("Cannot read unit state file " + path() + ": ");
    }

    @Test
    void writingIntoAMissingDirectoryNamesTheFile() {
        Path missing = dir.resolve("no-such-dir").resolve("state.json");

        assertThatThrownBy(() -> StateFile.at(missing).write(new JsonObject()))
                .isInstanceOf(StateFileException.class)
                .hasMessageStartingWith("Cannot write unit state file " + missing + ": no such file or directory: ")
                .hasMessageEndingWith("; the previous state is unchanged");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws IOException {
        Files.createDirectory(path());
        Files.writeString(path().resolve("keep"), "x");

        assertThatThrownBy(() -> file().write(json("{\"a\": 1}")))
                .isInstanceOf(StateFileException.class)
                .hasMessageStartingWith("Cannot write unit state file " + path() + ": ");

        assertThat(entries()).containsExactly("state.json");
        assertThat(path().resolve("keep")).hasContent("x");
    }

    @Test
    void theFormatKeyIsReservedAndNothingIsWritten() {
        assertThatThrownBy(() -> file().write(json("{\"format\": 7}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot write unit state file " + path() + ": the top-level key \"format\" is reserved"
                        + " for the file's format version; store that value under another key");
        assertThat(path()).doesNotExist();
    }

    @Test
    void aNestedFormatKeyIsOrdinaryData() {
        JsonObject state = json("{\"config\": {\"format\": \"yaml\"}}");

        file().write(state);

        assertThat(file().read()).isEqualTo(state);
    }

    @Test
    void aNumberJsonCannotHoldIsRejectedWithItsPath() throws IOException {
        JsonObject state = json("{\"a\": {\"b\": [1]}}");
        state.getAsJsonObject("a").getAsJsonArray("b").add(Double.NaN);

        assertThatThrownBy(() -> file().write(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot write unit state file " + path() + ": the value at $.a.b[1] is NaN, which JSON"
                        + " cannot represent");
        assertThat(entries()).isEmpty();
    }

    @Test
    void textThatIsNotUnicodeIsRejectedRatherThanChanged() {
        JsonObject state = new JsonObject();
        state.addProperty("name", "ok\uD800");

        assertThatThrownBy(() -> file().write(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot write unit state file " + path() + ": the value at $.name holds an unpaired"
                        + " UTF-16 surrogate at index 2, which is not Unicode text");
    }

    @Test
    void surrogatePairsAndNullsRoundTrip() {
        JsonObject state = new JsonObject();
        state.addProperty("emoji \uD83D\uDE00", "\uD83D\uDE00");
        state.add("nothing", JsonNull.INSTANCE);
        state.add("list", new JsonArray());

        file().write(state);

        assertThat(file().read()).isEqualTo(state);
    }

    @Test
    void staleTemporaryFilesOfDeadWritersAreIgnoredByReadAndRemovedByTheNextWrite() throws IOException {
        file().write(json("{\"n\": 1}"));
        long deadPid = 2_000_000_000L; // above any Linux pid_max
        long livePid = ProcessHandle.current().pid();
        Path stale = dir.resolve(".state.json." + deadPid + ".123.tmp");
        Path inFlight = dir.resolve(".state.json." + livePid + ".456.tmp");
        Path unrelated = dir.resolve(".other.json." + deadPid + ".789.tmp");
        for (Path temp : new Path[] {stale, inFlight, unrelated}) {
            Files.writeString(temp, "{\"format\": 1, \"n\"");
        }

        assertThat(file().read()).isEqualTo(json("{\"n\": 1}"));
        file().write(json("{\"n\": 2}"));

        assertThat(entries()).containsExactlyInAnyOrder("state.json", inFlight.getFileName().toString(),
                unrelated.getFileName().toString());
    }

    @Test
    void theRootDirectoryIsNotAStateFile() {
        assertThatThrownBy(() -> StateFile.at(dir.getRoot()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A state file needs a file name, not the root directory " + dir.getRoot());
    }

    @Test
    void theFileIsUtf8() throws IOException {
        JsonObject state = new JsonObject();
        state.addProperty("greeting", "grüß dich");

        file().write(state);

        assertThat(new String(Files.readAllBytes(path()), StandardCharsets.UTF_8)).contains("\"grüß dich\"");
    }
}
