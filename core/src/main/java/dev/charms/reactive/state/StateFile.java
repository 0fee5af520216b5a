package dev.charms.reactive.state;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.charms.reactive.internal.DurableFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file that holds a unit's state between hooks: one JSON object, replaced atomically on every commit.
 *
 * <p>The file is {@code {"format": 1, ...data}}: {@link #write} adds the {@code format} field and
 * {@link #read} checks and removes it. Keys are sorted at every level and the JSON is pretty-printed, so the
 * same state always gives the same bytes and an operator can read the file.
 *
 * <p>A write never leaves a half-written file: the data goes to a temporary file in the same directory,
 * created with mode 0600 (never readable by others), fsynced, renamed over the old file in one atomic step,
 * and then the directory is fsynced so the rename survives a power cut. A process killed at any moment
 * leaves either the old file or the new one, and at most a stray temporary file
 * ({@code .<name>.<pid>.<n>.tmp}), which the next successful write removes once its process is gone.
 *
 * <p>A file that cannot be trusted (corrupt, wrong shape, or written by a newer runtime) is reported with a
 * {@link StateFileException} and never reset: resetting would silently forget the unit's flags.
 *
 * <p>One writer at a time: Juju runs one hook at a time per unit. Concurrent writers do not corrupt the
 * file (each writes its own temporary file), but the last rename wins. Arguments and results are never
 * null.
 */
public final class StateFile {

    /** The format version this runtime writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    /** The top-level field that holds the format version; data may not use this key. */
    public static final String FORMAT_KEY = "format";

    private static final String REFUSE_TO_RESET = "Refusing to reset it; restore a backup or delete it to"
            + " start afresh (the unit then forgets its flags and stored data).";
    /** Gson's position in a syntax error; compiled only when there is one. */
    private static final String POSITION = " at line (\\d+) column (\\d+)";
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final AtomicLong TEMP_COUNT = new AtomicLong();

    private final Path path;
    private final Path directory;
    private final String tempPrefix;
    private final Pattern tempName;

    private StateFile(Path path) {
        this.path = path;
        this.directory = path.getParent();
        this.tempPrefix = "." + path.getFileName() + ".";
        this.tempName = Pattern.compile(Pattern.quote(tempPrefix) + "(\\d{1,18})\\.\\d+\\.tmp");
    }

    /**
     * The state file at {@code path}, which need not exist yet; its directory must exist before the first
     * {@link #write}. Relative paths are resolved against the working directory now.
     */
    public static StateFile at(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("A state file needs a file name, not the root directory " + path);
        }
        return new StateFile(absolute);
    }

    /** The file, absolute. */
    public Path path() {
        return path;
    }

    /**
     * Reads the state: a fresh, mutable object the caller owns, without the {@code format} field, with its
     * keys in sorted order. A missing file reads as an empty object (a unit's first hook).
     *
     * @throws StateFileException if the file cannot be read, is not UTF-8 JSON holding an object, has no
     *         valid format version, or was written in a newer format; the message names the file (and for
     *         malformed JSON the line and column) and says what to do
     */
    public JsonObject read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new JsonObject();
        } catch (IOException e) {
            throw new StateFileException(path, "Cannot read unit state file " + path + ": " + describe(e), e);
        }
        JsonObject state = parseObject(decode(bytes));
        checkFormat(state.remove(FORMAT_KEY));
        return state;
    }

    /**
     * Replaces the file with {@code state} plus the format version, atomically and durably (see the class
     * comment). When it returns, the new state is on disk; when it throws, the old file is untouched.
     *
     * @throws IllegalArgumentException if {@code state} has a top-level {@code format} key, holds a NaN or
     *         infinite number (JSON has neither), or a string with an unpaired surrogate (not Unicode); the
     *         message names the key or value, and nothing is written
     * @throws StateFileException if the file system refuses; the message names the file and the cause
     */
    public void write(JsonObject state) {
        Objects.requireNonNull(state, "state");
        if (state.has(FORMAT_KEY)) {
            throw new IllegalArgumentException("Cannot write unit state file " + path + ": the top-level key \""
                    + FORMAT_KEY + "\" is reserved for the file's format version; store that value under"
                    + " another key");
        }
        byte[] bytes = serialize(state);
        Path temp = null;
        try {
            temp = createTemp();
            DurableFiles.writeAndForce(temp, bytes);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new StateFileException(path, "Cannot write unit state file " + path + ": " + describe(e)
                    + "; the previous state is unchanged", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        DurableFiles.syncDirectory(directory);
        removeStaleTemps();
    }

    @Override
    public String toString() {
        return "StateFile[" + path + "]";
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt("it is not valid UTF-8 text", e);
        }
    }

    private JsonObject parseObject(String text) {
        if (text.isBlank()) {
            throw corrupt("it is empty", null);
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw malformed(reason(e), reader, e);
        }
        if (!atEnd(reader)) {
            throw malformed("unexpected text after the top-level value", reader, null);
        }
        if (!root.isJsonObject()) {
            throw corrupt("expected a JSON object at the top level, found " + describe(root), null);
        }
        return root.getAsJsonObject();
    }

    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkFormat(JsonElement format) {
        if (format == null) {
            throw corrupt("it has no \"" + FORMAT_KEY + "\" field, so this runtime did not write it", null);
        }
        if (!(format instanceof JsonPrimitive primitive && primitive.isNumber()
                && INTEGER.matcher(primitive.getAsString()).matches())) {
            throw corrupt("its \"" + FORMAT_KEY + "\" field is " + format + ", not a format version number", null);
        }
        BigInteger version = primitive.getAsBigInteger();
        int supported = version.compareTo(BigInteger.valueOf(FORMAT_VERSION));
        if (supported > 0) {
            throw new StateFileException(path, "Unit state file " + path + " has format version " + version
                    + ", but this runtime supports only version " + FORMAT_VERSION + ": a newer release of the"
                    + " charm wrote it. Refresh the unit to that release again. " + REFUSE_TO_RESET);
        }
        if (supported < 0) {
            throw corrupt("its format version " + version + " is not one this runtime knows (it supports "
                    + FORMAT_VERSION + ")", null);
        }
    }

    private StateFileException malformed(String reason, JsonReader reader, Exception cause) {
        Matcher position = Pattern.compile(POSITION).matcher(reader.toString());
        String where = position.find()
                ? " at line " + position.group(1) + ", column " + position.group(2)
                : "";
        return corrupt("invalid JSON" + where + (reason.isEmpty() ? "" : " (" + reason + ")"), cause);
    }

    private StateFileException corrupt(String problem, Exception cause) {
        return new StateFileException(path, "Unit state file " + path + " is corrupt: " + problem + ". "
                + REFUSE_TO_RESET, cause);
    }

    /**
     * Gson's own words for a syntax error, without its position (we give ours) and without its advice to
     * parse leniently (a state file must be strict JSON).
     */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), "");
        Matcher position = Pattern.compile(POSITION).matcher(message);
        String reason = position.find()
                ? message.substring(0, position.start())
                : message.lines().findFirst().orElse("");
        return reason.startsWith("Use JsonReader.setStrictness") ? "" : reason;
    }

    private static String describe(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isString() ? "a string" : primitive.isNumber() ? "a number" : "a boolean";
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    }

    private byte[] serialize(JsonObject state) {
        StringWriter text = new StringWriter();
        JsonWriter writer = new JsonWriter(text);
        writer.setFormattingStyle(FormattingStyle.PRETTY);
        writer.setStrictness(Strictness.STRICT);
        try {
            writer.beginObject();
            writer.name(FORMAT_KEY).value(FORMAT_VERSION);
            writeMembers(writer, state, "$");
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter failed", e);
        }
        text.append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void writeMembers(JsonWriter writer, JsonObject object, String where) throws IOException {
        for (String key : new TreeSet<>(object.keySet())) {
            requireUnicode(key, "the key " + where + "." + key);
            writer.name(key);
            writeSorted(writer, object.get(key), where + "." + key);
        }
    }

    private void writeSorted(JsonWriter writer, JsonElement element, String where) throws IOException {
        if (element.isJsonObject()) {
            writer.beginObject();
            writeMembers(writer, element.getAsJsonObject(), where);
            writer.endObject();
        } else if (element.isJsonArray()) {
            writer.beginArray();
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                writeSorted(writer, array.get(i), where + "[" + i + "]");
            }
            writer.endArray();
        } else if (element.isJsonNull()) {
            writer.nullValue();
        } else {
            writePrimitive(writer, element.getAsJsonPrimitive(), where);
        }
    }

    private void writePrimitive(JsonWriter writer, JsonPrimitive primitive, String where) throws IOException {
        if (primitive.isBoolean()) {
            writer.value(primitive.getAsBoolean());
        } else if (primitive.isString()) {
            requireUnicode(primitive.getAsString(), "the value at " + where);
            writer.value(primitive.getAsString());
        } else {
            Number number = primitive.getAsNumber();
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException("Cannot write unit state file " + path + ": the value at "
                        + where + " is " + number + ", which JSON cannot represent");
            }
            writer.value(number);
        }
    }

    /** UTF-8 cannot hold an unpaired surrogate: it would be written as '?' and read back changed. */
    private void requireUnicode(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Cannot write unit state file " + path + ": " + what
                        + " holds an unpaired UTF-16 surrogate at index " + i + ", which is not Unicode text");
            }
        }
    }

    /**
     * Creates this write's temporary file, {@code .<name>.<pid>.<n>.tmp} with {@code n} counting this process's
     * writes. The name is unique among live writers without {@link Files#createTempFile}, whose random names
     * cost a hook the start-up of the security providers. A file already there can only be a dead process's
     * (one that had the same pid), so it is replaced.
     */
    private Path createTemp() throws IOException {
        Path temp = directory.resolve(tempPrefix + ProcessHandle.current().pid() + "." + TEMP_COUNT.incrementAndGet()
                + ".tmp");
        Files.deleteIfExists(temp);
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(temp);
        }
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        // The umask can only take bits away; setting the mode again makes it exactly 0600 whatever the umask.
        Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
        return temp;
    }

    /** Deletes temporary files left by writers that died mid-write; a live process's file is left alone. */
    private void removeStaleTemps() {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                Matcher temp = tempName.matcher(entry.getFileName().toString());
                if (temp.matches() && Long.parseLong(temp.group(1)) != self
                        && ProcessHandle.of(Long.parseLong(temp.group(1))).isEmpty()) {
                    deleteQuietly(entry);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // Tidying is best effort: a stray temporary file is harmless, and read() ignores it.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Left for removeStaleTemps of a later write; the state file itself is intact.
        }
    }
}
