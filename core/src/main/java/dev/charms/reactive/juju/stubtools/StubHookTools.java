package dev.charms.reactive.juju.stubtools;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stub Juju hook tools for tests: POSIX sh scripts (and one awk file) that answer from files, record every
 * call, and write what the charm sets, so a test can run real processes the way Juju would and then look at
 * what happened.
 *
 * <pre>{@code
 * StubHookTools tools = StubHookTools.install(tempDir, "hello/0")
 *         .config(Map.of("greeting", "hi"))
 *         .relation("db:3", "mysql", "mysql/0")
 *         .relationData("db:3", "mysql/0", Map.of("host", "10.0.0.9"));
 * var backend = new ProcessJujuBackend(new ProcessCommandRunner(tools.environment()),
 *         UnitName.parse("hello/0"), LogMode.BUFFERED);
 * ... run the code under test ...
 * assertThat(tools.calls("config-get")).hasSize(1);
 * assertThat(tools.relationData("db:3", "hello/0")).containsEntry("port", "5432");
 * }</pre>
 *
 * <h2>Layout</h2>
 * {@link #install} creates {@code bin/} (the script {@code hook-tool}, {@code json.awk}, and one link per tool
 * in {@link #TOOLS}) and {@code state/} below the directory given. {@link #environment()} puts {@code bin/}
 * first on {@code PATH} and names {@code state/} in {@code STUB_STATE_DIR}. In {@code state/}, written by the
 * arrange methods here or by hand:
 * <ul>
 *   <li>{@code config.json}: what {@code config-get} prints; {@code leader}: {@code true} or {@code false};
 *       {@code leader.json}, {@code state.json}: leader settings and unit state (flat string maps);
 *   <li>{@code relations/<id>/}: one directory per relation, such as {@code relations/db:3/}, holding
 *       {@code .app} (the remote application), {@code .units} (the remote units, one a line, what
 *       {@code relation-list} prints) and the data: {@code <app>.json} for an application,
 *       {@code <app>/<n>.json} for a unit;
 *   <li>{@code action-params.json}, {@code unit.json} ({@code private-address}, {@code public-address}),
 *       {@code network/<binding>.json}, {@code ports} (one spec a line);
 *   <li>{@code fail/<tool>}: makes that tool fail; first line the exit code, the rest its stderr.
 * </ul>
 * The tools write {@code calls.log} (every call: tool and arguments, tab-separated, escaped), {@code
 * juju-log.log}, {@code status.log}, {@code unit-status.json}, {@code application-status.json}, {@code
 * action-results.json}, {@code action-failed}, {@code action.log} and {@code application-version}; read
 * them back with the methods here. The stubs check what Juju checks cheaply: the four settable statuses,
 * leadership for {@code leader-set}, {@code status-set --application} and {@code relation-set --app}, that
 * action tools run only in an action ({@code JUJU_ACTION_NAME} set), the relation id of relation tools.
 *
 * <p>Needs {@code sh} and {@code awk} on the {@code PATH} given to {@link #environment()}'s callers (any
 * Debian or Ubuntu machine). Not thread-safe.
 */
public final class StubHookTools {
    /** The tools installed, each a link to the one stub script. */
    public static final List<String> TOOLS = List.of("action-fail", "action-get", "action-log", "action-set",
            "application-version-set", "close-port", "config-get", "is-leader", "juju-log", "leader-get",
            "leader-set", "network-get", "open-port", "opened-ports", "relation-get", "relation-ids",
            "relation-list", "relation-set", "state-delete", "state-get", "state-set", "status-get", "status-set",
            "unit-get");

    private static final String SCRIPT = "hook-tool";
    private static final String AWK = "json.awk";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /**
     * One call of a hook tool.
     *
     * @param tool the tool's name; never null
     * @param arguments its arguments; never null
     */
    public record Call(String tool, List<String> arguments) {
        /** Copies the arguments. */
        public Call {
            Objects.requireNonNull(tool, "tool");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * One {@code juju-log} call.
     *
     * @param level the level given with {@code -l}, {@code INFO} by default; never null
     * @param message the message; never null
     */
    public record LogEntry(String level, String message) {
        /** Checks the parts. */
        public LogEntry {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One {@code status-set} call.
     *
     * @param application true for {@code status-set --application}
     * @param status what was set; never null
     */
    public record StatusEntry(boolean application, StatusValue status) {
        /** Checks the parts. */
        public StatusEntry {
            Objects.requireNonNull(status, "status");
        }
    }

    private final Path bin;
    private final Path state;
    private final UnitName unit;

    private StubHookTools(Path bin, Path state, UnitName unit) {
        this.bin = bin;
        this.state = state;
        this.unit = unit;
    }

    /**
     * Installs the stub tools in {@code directory/bin} and an empty state in {@code directory/state}, for the
     * unit {@code unit} (such as {@code hello/0}).
     */
    public static StubHookTools install(Path directory, String unit) {
        Path bin = directory.resolve("bin");
        Path state = directory.resolve("state");
        try {
            Files.createDirectories(bin);
            Files.createDirectories(state);
            copyResource(SCRIPT, bin.resolve(SCRIPT), "rwxr-xr-x");
            copyResource(AWK, bin.resolve(AWK), "rw-r--r--");
            for (String tool : TOOLS) {
                Files.deleteIfExists(bin.resolve(tool));
                Files.createSymbolicLink(bin.resolve(tool), Path.of(SCRIPT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the stub hook tools in " + directory + ": " + e.getMessage(), e);
        }
        return new StubHookTools(bin, state, UnitName.parse(unit));
    }

    private static void copyResource(String name, Path target, String permissions) throws IOException {
        try (InputStream in = StubHookTools.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the core jar, next to "
                        + StubHookTools.class.getName());
            }
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(permissions));
    }

    /** The directory holding the tools. */
    public Path binDirectory() {
        return bin;
    }

    /** The directory the tools read and write ({@code STUB_STATE_DIR}). */
    public Path stateDirectory() {
        return state;
    }

    /**
     * The variables a process needs to use the stubs: {@code PATH} (the stubs first, then the JVM's
     * {@code PATH}, for {@code sh} and {@code awk}), {@code STUB_STATE_DIR} and {@code JUJU_UNIT_NAME}. Add the
     * hook's own variables ({@code JUJU_RELATION_ID}, {@code JUJU_ACTION_NAME}, ...) as the test needs.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        String systemPath = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        environment.put("PATH", bin + ":" + systemPath);
        environment.put("STUB_STATE_DIR", state.toString());
        environment.put("JUJU_UNIT_NAME", unit.toString());
        return environment;
    }

    /** Sets what {@code config-get} prints: these options (null for unset ones). */
    public StubHookTools config(Map<String, ?> options) {
        return writeJson("config.json", options);
    }

    /** Sets what {@code is-leader} answers. */
    public StubHookTools leader(boolean leader) {
        return writeText("leader", Boolean.toString(leader));
    }

    /** Sets the leader settings {@code leader-get} prints. */
    public StubHookTools leaderSettings(Map<String, String> settings) {
        return writeJson("leader.json", settings);
    }

    /** Adds relation {@code relationId} (such as {@code db:3}) with remote application and units. */
    public StubHookTools relation(String relationId, String remoteApp, String... remoteUnits) {
        String directory = "relations/" + relationId + "/";
        writeText(directory + ".app", remoteApp);
        return writeText(directory + ".units", Arrays.stream(remoteUnits).map(name -> name + "\n").collect(Collectors.joining()));
    }

    /** Sets the data of a unit ({@code mysql/0}) or application ({@code mysql}) in a relation added before. */
    public StubHookTools relationData(String relationId, String unitOrApp, Map<String, String> data) {
        return writeJson("relations/" + relationId + "/" + unitOrApp + ".json", data);
    }

    /** Sets what {@code action-get} prints. */
    public StubHookTools actionParams(Map<String, ?> params) {
        return writeJson("action-params.json", params);
    }

    /** Sets the addresses {@code unit-get} answers. */
    public StubHookTools addresses(String privateAddress, String publicAddress) {
        return writeJson("unit.json", Map.of("private-address", privateAddress, "public-address", publicAddress));
    }

    /** Sets what {@code network-get BINDING} prints. */
    public StubHookTools network(String binding, Map<String, ?> info) {
        return writeJson("network/" + binding + ".json", info);
    }

    /** Sets the unit state {@code state-get} prints. */
    public StubHookTools state(Map<String, String> values) {
        return writeJson("state.json", values);
    }

    /**
     * Sets what {@code status-get} answers for the unit, or with {@code application} for the application, as if
     * set before; {@link #statusHistory()} does not list it.
     */
    public StubHookTools status(boolean application, StatusValue status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status.state());
        json.put("message", status.message());
        json.put("status-data", Map.of());
        return writeJson((application ? "application" : "unit") + "-status.json", json);
    }

    /** Sets the ports {@code opened-ports} lists, such as {@code 80/tcp}. */
    public StubHookTools openedPorts(String... specs) {
        return writeText("ports", Arrays.stream(specs).map(spec -> spec + "\n").collect(Collectors.joining()));
    }

    /** Makes {@code tool} print {@code stderr} and exit with {@code exitCode} from now on. */
    public StubHookTools failing(String tool, int exitCode, String stderr) {
        return writeText("fail/" + tool, exitCode + "\n" + stderr + "\n");
    }

    /** Every tool call so far, in order. */
    public List<Call> calls() {
        return lines("calls.log").stream().map(fields -> new Call(fields.get(0), fields.subList(1, fields.size())))
                .collect(Collectors.toList());
    }

    /** The calls of {@code tool} so far, in order. */
    public List<Call> calls(String tool) {
        return calls().stream().filter(call -> call.tool().equals(tool)).collect(Collectors.toList());
    }

    /** Every {@code juju-log} call so far, in order. */
    public List<LogEntry> jujuLog() {
        return lines("juju-log.log").stream().map(fields -> new LogEntry(fields.get(0), fields.get(1)))
                .collect(Collectors.toList());
    }

    /** Every {@code status-set} call so far, in order. */
    public List<StatusEntry> statusHistory() {
        return lines("status.log").stream()
                .map(fields -> new StatusEntry(fields.get(0).equals("application"), new StatusValue(fields.get(1), fields.get(2))))
                .collect(Collectors.toList());
    }

    /** The data of a unit or application in a relation, as the tools hold it now. */
    public Map<String, String> relationData(String relationId, String unitOrApp) {
        return readStrings("relations/" + relationId + "/" + unitOrApp + ".json");
    }

    /** The leader settings as the tools hold them now. */
    public Map<String, String> leaderSettings() {
        return readStrings("leader.json");
    }

    /** The unit state as the tools hold it now. */
    public Map<String, String> state() {
        return readStrings("state.json");
    }

    /** What {@code action-set} recorded, with dotted keys as given. */
    public Map<String, String> actionResults() {
        return readStrings("action-results.json");
    }

    /** The message of {@code action-fail}, if it was called. */
    public Optional<String> actionFailure() {
        return readText("action-failed");
    }

    /** The {@code action-log} messages so far. */
    public List<String> actionLog() {
        return lines("action.log").stream().map(fields -> fields.get(0)).collect(Collectors.toList());
    }

    /** The version given to {@code application-version-set}, if it was called. */
    public Optional<String> applicationVersion() {
        return readText("application-version");
    }

    /** The ports now open. */
    public List<String> openedPorts() {
        return readText("ports").map(text -> text.lines().collect(Collectors.toList())).orElse(List.of());
    }

    private StubHookTools writeJson(String name, Map<String, ?> values) {
        return writeText(name, GSON.toJson(values));
    }

    private StubHookTools writeText(String name, String text) {
        Path file = state.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stub state " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    private Optional<String> readText(String name) {
        Path file = state.resolve(name);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stub state " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> readStrings(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        readText(name).filter(text -> !text.isBlank()).ifPresent(text -> {
            JsonElement json = JsonParser.parseString(text);
            if (json.isJsonObject()) {
                json.getAsJsonObject().entrySet().stream().filter(entry -> !entry.getValue().isJsonNull())
                        .forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
            }
        });
        return values;
    }

    /** The lines of a log the stubs write, each split at tabs and unescaped. */
    private List<List<String>> lines(String name) {
        List<List<String>> lines = new ArrayList<>();
        readText(name).ifPresent(text -> text.lines().forEach(line -> {
            List<String> fields = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                fields.add(unescape(field));
            }
            lines.add(fields);
        }));
        return lines;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
