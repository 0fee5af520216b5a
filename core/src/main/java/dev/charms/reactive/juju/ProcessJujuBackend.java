package dev.charms.reactive.juju;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandException;
import dev.charms.reactive.host.CommandNotFoundException;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.ProcessCommandRunner;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The production {@link JujuBackend}: runs Juju's hook tools as processes, with no shell in between.
 *
 * <h2>Processes</h2>
 * Every method runs at most one tool process, except {@link #stateSet} with null values (one
 * {@code state-delete} per null) and {@link #log}/{@link #flushLog} for messages over 128 KiB (one
 * {@code juju-log} per 128 KiB). Writes with nothing to write ({@code leaderSet(Map.of())}) run none. Reads
 * are cached for the life of this object, which is one hook: the second {@code configGet()} runs no process.
 * A write drops the cache entries it changes: {@code relationSet} this unit's (or with {@code app}, this
 * application's) data in that relation, {@code leaderSet} the leader settings, {@code stateSet} and
 * {@code stateDelete} the unit state, {@code statusSet} both status reads. {@code openPort} and
 * {@code closePort} drop nothing, because Juju's {@code opened-ports} leaves out the current hook's changes.
 *
 * <h2>Logging</h2>
 * With {@link LogMode#BUFFERED} (what {@link #forHook} uses), {@link #log} holds lines back and
 * {@link #flushLog} sends them all in one {@code juju-log} call, so a quiet hook costs one log process
 * instead of one per line ({@link #flushLogInBackground} starts that call on a thread of its own, and the next
 * {@link #flushLog} waits for it). The call uses the most severe level among the lines; when the lines have different
 * levels, each line is prefixed with its own ({@code WARNING: disk almost full}). Juju's logging
 * configuration therefore filters a batch as a whole. The runtime must call {@link #flushLog} when the hook
 * ends, whether it succeeded or not; lines not flushed are lost. {@link LogMode#IMMEDIATE} runs
 * {@code juju-log} for every line. Messages are passed after {@code --}, so one starting with a dash is not
 * read as an option, and are split to fit Linux's 128 KiB limit on one argument.
 *
 * <h2>Failures</h2>
 * A tool exiting non-zero throws {@link HookToolException} with its arguments, exit code and stderr. A tool
 * missing from {@code PATH} (outside a hook), one that cannot be started or one killed by the timeout
 * throws it with exit code -1. Output that is not the JSON expected throws it with the tool's exit code (0)
 * and the output in the message. One exception: {@code relation-get} exiting with 2 reads as no data, as in
 * charms.reactive, because Juju reports a relation that is already gone (in {@code -relation-broken}, or
 * removed while this hook was queued) as a usage error, exit 2. The unit or application name is checked
 * here first, so a malformed name still fails loudly.
 *
 * <h2>Timeout</h2>
 * Hook tools talk to the unit agent, which may wait on the controller. {@link #forHook} kills a tool still
 * running after {@link #DEFAULT_TOOL_TIMEOUT} (5 minutes) and fails the hook, so Juju retries it, rather
 * than leaving the unit stuck with no error to see. Pass a runner built with
 * {@link ProcessCommandRunner#withTimeout} to choose another limit.
 *
 * <p>Values read are immutable: maps keep Juju's key order, JSON numbers become {@code Long} when integral and
 * {@code Double} otherwise, and JSON null stays null inside maps. Not thread-safe (though {@link #prefetchConfig}
 * runs its tool on a thread of its own): one instance serves one hook on one thread.
 */
public final class ProcessJujuBackend implements JujuBackend {
    /** How long a hook tool may run before {@link #forHook} kills it. */
    public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofMinutes(5);

    /** Linux's limit on one argument (MAX_ARG_STRLEN, 128 KiB including the terminating NUL). */
    static final int MAX_ARGUMENT_BYTES = 131071;

    private static final List<String> CONFIG_GET = List.of("config-get", "--all", "--format=json");

    /** Whether {@link #log} sends each line at once or holds lines until {@link #flushLog}. */
    public enum LogMode {
        /** One {@code juju-log} per {@link #log} call. */
        IMMEDIATE,
        /** Lines held until {@link #flushLog}, then sent in one {@code juju-log} call. */
        BUFFERED
    }

    private record HeldLine(LogLevel level, String message) {
    }

    private final CommandRunner runner;
    private final UnitName unit;
    private final LogMode logMode;
    private final Map<List<String>, Object> cache = new HashMap<>();
    private FutureTask<Map<String, Object>> configPrefetch;
    private FutureTask<Void> backgroundFlush;
    private final List<HeldLine> heldLines = new ArrayList<>();
    private int heldBytes;

    /**
     * A backend that runs tools through {@code runner}.
     *
     * @param runner runs the tools; its environment must carry the hook's ({@code PATH} with the tools,
     *     {@code JUJU_CONTEXT_ID}, ...)
     * @param unit the unit running the hook, whose own relation data {@link #relationSet} replaces
     * @param logMode whether to batch log lines
     */
    public ProcessJujuBackend(CommandRunner runner, UnitName unit, LogMode logMode) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.logMode = Objects.requireNonNull(logMode, "logMode");
    }

    /**
     * The backend for one hook in production: tools found on {@code environment}'s {@code PATH}, killed after
     * {@link #DEFAULT_TOOL_TIMEOUT}, log lines batched.
     */
    public static ProcessJujuBackend forHook(HookEnvironment hook, Map<String, String> environment) {
        return new ProcessJujuBackend(new ProcessCommandRunner(environment).withTimeout(DEFAULT_TOOL_TIMEOUT),
                hook.unit(), LogMode.BUFFERED);
    }

    @Override
    public Map<String, Object> configGet() {
        if (configPrefetch != null) {
            FutureTask<Map<String, Object>> prefetch = configPrefetch;
            configPrefetch = null;
            cache.put(CONFIG_GET, await(prefetch, "config-get"));
        }
        return read(CONFIG_GET, ProcessJujuBackend::object);
    }

    /**
     * Starts {@code config-get} now, on a thread of its own, so that the tool runs while the hook is still
     * starting; the next {@link #configGet} waits for it and reports its failure as it would its own. The runtime
     * calls this first thing in a hook, which reads the configuration anyway (its {@code config.*} flags need
     * it): the tool runs once, as before, just sooner. Does nothing when the configuration is read or being read.
     */
    public void prefetchConfig() {
        if (configPrefetch != null || cache.containsKey(CONFIG_GET)) {
            return;
        }
        configPrefetch = new FutureTask<>(
                () -> convert(CONFIG_GET, checked(run(CONFIG_GET, "")), ProcessJujuBackend::object));
        startDaemon(configPrefetch, "config-get");
    }

    private static void startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for a {@code config-get} that {@link #prefetchConfig} started and nothing has read yet (a hook that
     * failed before reading its configuration), so that no tool outlives the hook. Its failure is left for
     * {@link #configGet} to report, should anything still read the configuration.
     */
    public void awaitPrefetch() {
        if (configPrefetch == null) {
            return;
        }
        try {
            await(configPrefetch, "config-get");
        } catch (RuntimeException failure) {
            // Reported by configGet(), if anything reads the configuration.
        }
    }

    /**
     * The result of a tool run on a thread of its own, or what it threw: the task throws nothing checked, so the
     * cause is what the call would have thrown on this thread.
     */
    private static <T> T await(FutureTask<T> task, String tool) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + tool, e);
        }
    }

    @Override
    public boolean isLeader() {
        return read(List.of("is-leader", "--format=json"), json -> {
            if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isBoolean()) {
                return json.getAsBoolean();
            }
            throw new UnexpectedJson("true or false");
        });
    }

    @Override
    public Map<String, String> leaderGet() {
        return read(List.of("leader-get", "--format=json", "-"), ProcessJujuBackend::strings);
    }

    @Override
    public void leaderSet(Map<String, String> settings) {
        forget(key -> key.get(0).equals("leader-get"));
        write("leader-set", pairs(settings));
    }

    @Override
    public void statusSet(boolean application, StatusValue status) {
        forget(key -> key.get(0).equals("status-get"));
        List<String> argv = new ArrayList<>(List.of("status-set"));
        if (application) {
            argv.add("--application");
        }
        argv.addAll(List.of("--", status.state(), status.message()));
        checked(run(argv, ""));
    }

    @Override
    public StatusValue statusGet(boolean application) {
        List<String> argv = new ArrayList<>(List.of("status-get", "--format=json", "--include-data"));
        if (application) {
            argv.add("--application");
        }
        return read(argv, json -> {
            JsonElement status = application && json.isJsonObject() ? json.getAsJsonObject().get("application-status") : json;
            if (status == null || !status.isJsonObject() || !status.getAsJsonObject().has("status")) {
                throw new UnexpectedJson(application ? "{\"application-status\": {\"status\": ...}}" : "{\"status\": ...}");
            }
            JsonElement message = status.getAsJsonObject().get("message");
            return new StatusValue(status.getAsJsonObject().get("status").getAsString(),
                    message == null || message.isJsonNull() ? "" : message.getAsString());
        });
    }

    @Override
    public void log(LogLevel level, String message) {
        Objects.requireNonNull(level, "level");
        if (logMode == LogMode.IMMEDIATE) {
            sendLog(level, message);
            return;
        }
        heldLines.add(new HeldLine(level, message));
        heldBytes += utf8Length(message) + 10;
        if (heldBytes >= MAX_ARGUMENT_BYTES) {
            flushLog();
        }
    }

    /**
     * Sends the held lines; when {@link #flushLogInBackground} is sending an earlier batch, waits for it first, so
     * that the lines reach {@code juju-log} in order, and then throws its failure, if it failed.
     */
    @Override
    public void flushLog() {
        RuntimeException backgroundFailure = null;
        if (backgroundFlush != null) {
            FutureTask<Void> flush = backgroundFlush;
            backgroundFlush = null;
            try {
                await(flush, "juju-log");
            } catch (RuntimeException e) {
                backgroundFailure = e;
            }
        }
        if (!heldLines.isEmpty()) {
            List<HeldLine> lines = List.copyOf(heldLines);
            heldLines.clear();
            heldBytes = 0;
            send(lines);
        }
        if (backgroundFailure != null) {
            throw backgroundFailure;
        }
    }

    /**
     * Starts sending the lines held so far, in one {@code juju-log} call as {@link #flushLog} would, on a thread
     * of its own, so that the tool runs while the hook commits its state; lines logged afterwards are held for
     * the next {@link #flushLog}, which must be called. The runtime calls this when a hook's log is complete, just
     * before the commit. Does nothing when no line is held or a batch is being sent.
     */
    public void flushLogInBackground() {
        if (heldLines.isEmpty() || backgroundFlush != null) {
            return;
        }
        List<HeldLine> lines = List.copyOf(heldLines);
        heldLines.clear();
        heldBytes = 0;
        backgroundFlush = new FutureTask<>(() -> {
            send(lines);
            return null;
        });
        startDaemon(backgroundFlush, "juju-log");
    }

    /** Sends {@code lines} in one call at their most severe level, each prefixed with its own when they differ. */
    private void send(List<HeldLine> lines) {
        LogLevel level = lines.get(0).level();
        for (HeldLine line : lines) {
            level = line.level().compareTo(level) < 0 ? line.level() : level;
        }
        boolean mixed = false;
        for (HeldLine line : lines) {
            mixed |= line.level() != level;
        }
        StringBuilder batch = new StringBuilder();
        for (HeldLine line : lines) {
            batch.append(batch.length() == 0 ? "" : "\n").append(mixed ? line.level() + ": " : "")
                    .append(line.message());
        }
        sendLog(level, batch.toString());
    }

    private void sendLog(LogLevel level, String message) {
        for (String chunk : chunks(message.replace('\0', '\uFFFD'), MAX_ARGUMENT_BYTES)) {
            checked(run(List.of("juju-log", "-l", level.name(), "--", chunk), ""));
        }
    }

    @Override
    public List<String> relationIds(String endpoint) {
        return read(List.of("relation-ids", "--format=json", endpoint), ProcessJujuBackend::stringList);
    }

    @Override
    public List<String> relationList(String relationId) {
        return read(List.of("relation-list", "--format=json", "-r", relationId), ProcessJujuBackend::stringList);
    }

    @Override
    public Map<String, String> relationGet(String relationId, String unitOrApp, boolean app) {
        checkUnitOrApp(unitOrApp, app);
        List<String> argv = new ArrayList<>(List.of("relation-get", "--format=json"));
        if (app) {
            argv.add("--app");
        }
        argv.addAll(List.of("-r", relationId, "-", unitOrApp));
        return cached(argv, () -> {
            CommandResult result = run(argv, "");
            return result.exitCode() == 2 ? Map.of() : convert(argv, checked(result), ProcessJujuBackend::strings);
        });
    }

    @Override
    public void relationSet(String relationId, Map<String, String> settings, boolean app) {
        if (settings.isEmpty()) {
            return;
        }
        String own = app ? unit.application() : unit.toString();
        forget(key -> key.get(0).equals("relation-get") && key.contains("--app") == app
                && key.get(key.size() - 1).equals(own)
                && relationNumber(key.get(key.indexOf("-r") + 1)).equals(relationNumber(relationId)));
        JsonObject file = new JsonObject();
        new TreeMap<>(settings).forEach((key, value) -> file.addProperty(key, value == null ? "" : value));
        List<String> argv = new ArrayList<>(List.of("relation-set"));
        if (app) {
            argv.add("--app");
        }
        argv.addAll(List.of("-r", relationId, "--file", "-"));
        checked(run(argv, file.toString()));
    }

    @Override
    public Map<String, Object> actionGet() {
        return read(List.of("action-get", "--format=json"), ProcessJujuBackend::object);
    }

    @Override
    public void actionSet(Map<String, String> results) {
        write("action-set", pairs(results));
    }

    @Override
    public void actionFail(String message) {
        checked(run(message.isEmpty() ? List.of("action-fail") : List.of("action-fail", "--", message), ""));
    }

    @Override
    public void actionLog(String message) {
        checked(run(List.of("action-log", "--", message), ""));
    }

    @Override
    public void applicationVersionSet(String version) {
        checked(run(List.of("application-version-set", "--", version), ""));
    }

    @Override
    public void openPort(String portSpec) {
        checked(run(List.of("open-port", portSpec), ""));
    }

    @Override
    public void closePort(String portSpec) {
        checked(run(List.of("close-port", portSpec), ""));
    }

    @Override
    public List<String> openedPorts() {
        return read(List.of("opened-ports", "--format=json"), ProcessJujuBackend::stringList);
    }

    @Override
    public Optional<String> unitGet(String key) {
        return read(List.of("unit-get", "--format=json", key), json -> {
            if (json.isJsonNull()) {
                return Optional.empty();
            }
            if (json.isJsonPrimitive()) {
                return Optional.of(json.getAsString());
            }
            throw new UnexpectedJson("a string");
        });
    }

    @Override
    public Map<String, Object> networkGet(String binding) {
        return read(List.of("network-get", "--format=json", binding), ProcessJujuBackend::object);
    }

    @Override
    public Map<String, String> stateGet() {
        return read(List.of("state-get", "--format=json"), ProcessJujuBackend::strings);
    }

    /** {@code state-set k=v ...} for the values; {@code state-delete KEY} for each null value. */
    @Override
    public void stateSet(Map<String, String> values) {
        forget(key -> key.get(0).equals("state-get"));
        Map<String, String> present = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        write("state-set", pairs(present));
        values.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).sorted()
                .forEach(this::stateDelete);
    }

    @Override
    public void stateDelete(String key) {
        forget(cached -> cached.get(0).equals("state-get"));
        checked(run(List.of("state-delete", key), ""));
    }

    /** Runs {@code tool} with {@code pairs} unless there are none. */
    private void write(String tool, List<String> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of(tool));
        argv.addAll(pairs);
        checked(run(argv, ""));
    }

    /** {@code key=value} arguments in key order; a null value becomes {@code key=}. */
    private static List<String> pairs(Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((key, value) -> sorted.put(key, value == null ? "" : value));
        return sorted.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.toList());
    }

    private <T> T read(List<String> argv, Function<JsonElement, T> converter) {
        return cached(argv, () -> convert(argv, checked(run(argv, "")), converter));
    }

    private <T> T cached(List<String> argv, Supplier<T> reader) {
        @SuppressWarnings("unchecked")
        T hit = (T) cache.get(argv);
        if (hit != null) {
            return hit;
        }
        T value = reader.get();
        cache.put(List.copyOf(argv), value);
        return value;
    }

    private void forget(Predicate<List<String>> which) {
        cache.keySet().removeIf(which);
    }

    private CommandResult run(List<String> argv, String stdin) {
        String tool = argv.get(0);
        List<String> arguments = argv.subList(1, argv.size());
        try {
            return runner.run(Command.of(argv).withStdin(stdin));
        } catch (CommandNotFoundException e) {
            throw new HookToolException(tool, arguments, -1, "", "cannot run hook tool " + tool + ": it is not in any"
                    + " PATH directory (PATH=" + e.path() + "); hook tools exist only while Juju runs a hook, so"
                    + " run this through the charm's dispatch script, or put stub tools first on PATH in tests");
        } catch (CommandException e) {
            throw new HookToolException(tool, arguments, -1, e.stderr(), e.getMessage());
        }
    }

    private static CommandResult checked(CommandResult result) {
        if (!result.succeeded()) {
            List<String> argv = result.command().argv();
            throw new HookToolException(argv.get(0), argv.subList(1, argv.size()), result.exitCode(), result.stderr());
        }
        return result;
    }

    private static <T> T convert(List<String> argv, CommandResult result, Function<JsonElement, T> converter) {
        String stdout = result.stdout();
        try {
            return converter.apply(stdout.isBlank() ? JsonNull.INSTANCE : strictJson(stdout));
        } catch (JsonParseException | IOException | UnexpectedJson e) {
            String expected = e instanceof UnexpectedJson unexpected ? unexpected.getMessage() : "JSON";
            throw new HookToolException(argv.get(0), argv.subList(1, argv.size()), result.exitCode(), result.stderr(),
                    String.join(" ", argv) + " printed " + abbreviate(stdout) + " where " + expected
                            + " was expected; is the tool on PATH really Juju's?");
        }
    }

    /** Parses exactly one JSON value (RFC 8259, no leniency) and nothing after it. */
    private static JsonElement strictJson(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement json = JsonParser.parseReader(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("more than one JSON value");
        }
        return json;
    }

    private static String abbreviate(String text) {
        String stripped = text.strip();
        return "\"" + (stripped.length() > 200 ? stripped.substring(0, 200) + "..." : stripped) + "\"";
    }

    /** A JSON object as an unmodifiable map; JSON null reads as empty. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonElement json) {
        if (json.isJsonNull()) {
            return Map.of();
        }
        if (!json.isJsonObject()) {
            throw new UnexpectedJson("a JSON object");
        }
        return (Map<String, Object>) toJava(json);
    }

    /** A JSON object of strings; nested values are kept as JSON text, null values left out. */
    private static Map<String, String> strings(JsonElement json) {
        if (json.isJsonNull()) {
            return Map.of();
        }
        if (!json.isJsonObject()) {
            throw new UnexpectedJson("a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonNull()) {
                values.put(entry.getKey(), text(entry.getValue()));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** A JSON list of strings; JSON null reads as empty. */
    private static List<String> stringList(JsonElement json) {
        if (json.isJsonNull()) {
            return List.of();
        }
        if (!json.isJsonArray()) {
            throw new UnexpectedJson("a JSON list");
        }
        List<String> values = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray()) {
            values.add(text(element));
        }
        return List.copyOf(values);
    }

    private static String text(JsonElement element) {
        return element.isJsonPrimitive() ? element.getAsString() : element.toString();
    }

    private static Object toJava(JsonElement json) {
        if (json.isJsonNull()) {
            return null;
        }
        if (json.isJsonObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                values.put(entry.getKey(), toJava(entry.getValue()));
            }
            return Collections.unmodifiableMap(values);
        }
        if (json.isJsonArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray()) {
                values.add(toJava(element));
            }
            return Collections.unmodifiableList(values);
        }
        JsonPrimitive primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            String number = primitive.getAsString();
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException notIntegral) {
                return Double.parseDouble(number);
            }
        }
        return primitive.getAsString();
    }

    private static void checkUnitOrApp(String unitOrApp, boolean app) {
        if (app ? !UnitName.isApplicationName(unitOrApp) : !UnitName.isUnitName(unitOrApp)) {
            throw new IllegalArgumentException("relation-get of " + (app ? "application" : "unit") + " data needs "
                    + (app ? "an application name such as mysql" : "a unit name such as mysql/0") + ", got \""
                    + unitOrApp + "\"");
        }
    }

    /** The number of {@code db:3} or {@code 3}, so both forms of one relation id compare equal. */
    private static String relationNumber(String relationId) {
        return relationId.substring(relationId.lastIndexOf(':') + 1);
    }

    /**
     * Splits {@code text} into pieces of at most {@code maxBytes} UTF-8 bytes, at a line break when there is
     * one in the piece (the break itself is dropped), else between characters.
     */
    static List<String> chunks(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (utf8Length(text.substring(start)) > maxBytes) {
            int end = start;
            int bytes = 0;
            int lastBreak = -1;
            while (true) {
                int codePoint = text.codePointAt(end);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (bytes + size > maxBytes) {
                    break;
                }
                if (codePoint == '\n') {
                    lastBreak = end;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            if (lastBreak > start) {
                pieces.add(text.substring(start, lastBreak));
                start = lastBreak + 1;
            } else {
                pieces.add(text.substring(start, end));
                start = end;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A tool printed valid JSON of the wrong shape; the message says what was expected. */
    private static final class UnexpectedJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnexpectedJson(String expected) {
            super(expected, null, false, false);
        }
    }
}
