package dev.charms.reactive.layers.juju;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stub {@code juju} (Juju 3 command line) over a model kept in {@code model.json} in a directory the test owns.
 * Each call loads the model, appends itself to {@code calls.log} (without {@code -m} and {@code --format=json}),
 * applies its effect, and saves the model, so effects are deterministic and survive between runs. It runs
 * in-process ({@link StubJujuRunner}) or as a real program ({@link #installScript}, which runs
 * {@link StubJujuMain}): the same code either way.
 *
 * <p>What it simulates: {@code status} (units busy after a change show {@code executing} for one look; each look
 * then moves time on: plain applications finish {@code upgrade-charm}, refresh-layer applications refresh their
 * next unit when the pause policy allows), {@code actions}, {@code refresh} (refresh layer: units refresh highest
 * number first, pausing per {@code pause-after-unit-refresh} with charm-refresh's status texts), {@code run}
 * ({@code create-backup}; {@code resume-refresh} with its checks and failure texts), {@code upgrade-machine
 * prepare|complete} and {@code exec ... cat /etc/os-release}. {@link State#failures} makes calls fail, and
 * {@link State#block} makes one call wait for a file, so a test can signal a process while it runs.
 *
 * <p>A simulator-backed {@link JujuCli} (over {@code dev.charms.reactive.testing.model.Model}) can later take
 * this stub's place.
 */
public final class StubJuju {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final String MODEL_FILE = "model.json";
    static final String CALLS_FILE = "calls.log";

    private StubJuju() {
    }

    /** The whole model. */
    public static final class State {
        public String model = "prod";
        public Map<String, Charm> charmhub = new LinkedHashMap<>();
        public Map<String, Machine> machines = new LinkedHashMap<>();
        public Map<String, App> applications = new LinkedHashMap<>();
        /** A call that starts with a key fails with exit code 1 and the value on stderr. */
        public Map<String, String> failures = new LinkedHashMap<>();
        public Block block;
    }

    /** What Charmhub offers of one charm. */
    public static final class Charm {
        public Map<String, Integer> channels = new LinkedHashMap<>();
        public Map<String, String> versions = new LinkedHashMap<>();
    }

    /** One machine: its base as Juju knows it, the OS version it really runs, its series-upgrade phase. */
    public static final class Machine {
        public String base;
        public String os;
        public String phase = "";
    }

    /** One application. */
    public static final class App {
        public String charm;
        public String channel;
        public int revision;
        public boolean refreshLayer;
        public List<String> actions = new ArrayList<>();
        public String pause = "first";
        public String status = "active";
        public String message = "";
        public int originalRevision;
        /** A unit that goes into error when it refreshes. */
        public String failOnRefresh;
        public int backups;
        public Map<String, Unit> units = new LinkedHashMap<>();
    }

    /** One unit; {@code revision} is the charm (refresh layer: workload) revision it runs. */
    public static final class Unit {
        public String machine;
        public boolean leader;
        public int revision;
        public String workload = "active";
        public String message = "";
        public int busy;
    }

    /**
     * Makes the call starting with {@code call} write its process id and itself to {@code started}, then wait
     * until {@code release} exists.
     */
    public static final class Block {
        public String call;
        public String started;
        public String release;
    }

    /** What a call printed and how it exited. */
    public record Reply(int exitCode, String stdout, String stderr) {
        static Reply ok(String stdout) {
            return new Reply(0, stdout, "");
        }

        static Reply error(String stderr) {
            return new Reply(1, "", stderr + "\n");
        }
    }

    /** Writes {@code state} as the model of {@code directory}. */
    public static void save(Path directory, State state) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(MODEL_FILE + ".tmp");
            Files.writeString(temporary, GSON.toJson(state));
            Files.move(temporary, directory.resolve(MODEL_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model of {@code directory}. */
    public static State load(Path directory) {
        try {
            return GSON.fromJson(Files.readString(directory.resolve(MODEL_FILE)), State.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls made so far, one a line, such as {@code refresh db --channel 14/stable}. */
    public static List<String> calls(Path directory) {
        try {
            Path log = directory.resolve(CALLS_FILE);
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code <directory>/bin/juju}, a shell script that runs this stub in a JVM of its own on the test class
     * path, over the model in {@code directory}.
     */
    public static Path installScript(Path directory) throws IOException {
        Path script = directory.resolve("bin/juju");
        Files.createDirectories(script.getParent());
        String java = ProcessHandle.current().info().command().orElseThrow();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' " + StubJujuMain.class.getName() + " '" + directory
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Runs one call, {@code args} being what follows {@code juju}. */
    public static Reply handle(Path directory, List<String> args) {
        List<String> call = new ArrayList<>(args);
        Optional<String> model = Optional.empty();
        int flag = call.indexOf("-m");
        if (flag >= 0) {
            model = Optional.of(call.get(flag + 1));
            call.subList(flag, flag + 2).clear();
        }
        call.remove("--format=json");
        String line = String.join(" ", call);
        awaitRelease(directory, line);
        synchronized (StubJuju.class) {
            try (FileChannel lock = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                Files.writeString(directory.resolve(CALLS_FILE), line + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                State state = load(directory);
                if (model.isPresent() && !model.get().equals(state.model)) {
                    return Reply.error("ERROR model \"" + model.get() + "\" not found");
                }
                for (Map.Entry<String, String> failure : state.failures.entrySet()) {
                    if (line.startsWith(failure.getKey())) {
                        return Reply.error(failure.getValue());
                    }
                }
                Reply reply = new Effects(state).apply(call);
                save(directory, state);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void awaitRelease(Path directory, String line) {
        Block block = load(directory).block;
        if (block == null || !line.startsWith(block.call)) {
            return;
        }
        try {
            Files.writeString(Path.of(block.started), ProcessHandle.current().pid() + " " + line);
            while (!Files.exists(Path.of(block.release))) {
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blocked on " + line, e);
        }
    }

    /** The effect of each command on the model. */
    private static final class Effects {
        private final State state;

        Effects(State state) {
            this.state = state;
        }

        Reply apply(List<String> call) {
            String command = call.isEmpty() ? "" : call.get(0);
            return switch (command) {
                case "status" -> status();
                case "actions" -> actions(call.get(1));
                case "refresh" -> refresh(call);
                case "run" -> run(call.get(1), call.get(2));
                case "upgrade-machine" -> upgradeMachine(call.get(1), call.get(2), call);
                case "exec" -> exec(call);
                default -> new Reply(2, "", "ERROR unknown command \"" + command + "\" (stub juju)\n");
            };
        }

        private Reply status() {
            JsonObject root = new JsonObject();
            JsonObject model = new JsonObject();
            model.addProperty("name", state.model);
            model.addProperty("type", "iaas");
            model.addProperty("version", "3.6.4");
            root.add("model", model);
            JsonObject machines = new JsonObject();
            state.machines.forEach((id, machine) -> {
                JsonObject fields = new JsonObject();
                JsonObject base = new JsonObject();
                base.addProperty("name", machine.base.substring(0, machine.base.indexOf('@')));
                base.addProperty("channel", machine.base.substring(machine.base.indexOf('@') + 1));
                fields.add("base", base);
                fields.add("juju-status", info("started", ""));
                fields.add("machine-status", machine.phase.isEmpty() ? info("running", "Running")
                        : info(machine.phase, machine.phase.equals("prepare completed")
                                ? "waiting for completion command" : ""));
                machines.add(id, fields);
            });
            root.add("machines", machines);
            JsonObject applications = new JsonObject();
            state.applications.forEach((name, app) -> applications.add(name, application(name, app)));
            root.add("applications", applications);
            String json = GSON.toJson(root);
            tick();
            return Reply.ok(json);
        }

        private JsonObject application(String name, App app) {
            JsonObject fields = new JsonObject();
            fields.addProperty("charm", app.charm);
            fields.addProperty("charm-name", app.charm);
            fields.addProperty("charm-origin", "charmhub");
            fields.addProperty("charm-channel", app.channel);
            fields.addProperty("charm-rev", app.revision);
            Integer latest = charm(app).channels.get(app.channel);
            if (latest != null && latest != app.revision) {
                fields.addProperty("can-upgrade-to", "ch:amd64/" + app.charm + "-" + latest);
            }
            fields.add("application-status", applicationStatus(name, app));
            List<String> order = order(app);
            fields.addProperty("version", version(app, app.units.get(order.get(order.size() - 1))));
            JsonObject units = new JsonObject();
            for (String unitName : order.stream().sorted(Comparator.comparingInt(StubJuju::number)).toList()) {
                Unit unit = app.units.get(unitName);
                JsonObject unitFields = new JsonObject();
                unitFields.add("workload-status", unitStatus(app, unit));
                unitFields.add("juju-status", info(unit.busy > 0 ? "executing" : "idle", ""));
                if (unit.leader) {
                    unitFields.addProperty("leader", true);
                }
                unitFields.addProperty("machine", unit.machine);
                unitFields.addProperty("workload-version", version(app, unit));
                if (!app.refreshLayer && unit.revision != app.revision) {
                    unitFields.addProperty("upgrading-from", "ch:amd64/" + app.charm + "-" + unit.revision);
                }
                units.add(unitName, unitFields);
            }
            fields.add("units", units);
            return fields;
        }

        private JsonObject applicationStatus(String name, App app) {
            if (!app.refreshLayer || !refreshing(app)) {
                return info(app.status, app.message);
            }
            int next = nextIndex(app);
            List<String> order = order(app);
            if (paused(app)) {
                return info("blocked", "Refreshing. Check units >=" + number(order.get(next - 1))
                        + " are healthy & run `resume-refresh` on unit " + number(order.get(next))
                        + ". To rollback, `juju refresh --revision " + app.originalRevision + "`");
            }
            return info("maintenance", "Refreshing. To pause refresh, run `juju config " + name
                    + " pause-after-unit-refresh=all`");
        }

        private JsonObject unitStatus(App app, Unit unit) {
            if (!app.refreshLayer || !refreshing(app) || unit.workload.equals("error")) {
                return info(unit.workload, unit.message);
            }
            return info(unit.workload, "Workload " + version(app, unit) + " running; Snap revision " + unit.revision
                    + (unit.revision == app.revision ? "" : " (outdated)") + "; Charm revision " + app.revision);
        }

        /** Moves time on after a look: busy units settle, and refreshes go on where nothing holds them. */
        private void tick() {
            for (App app : state.applications.values()) {
                app.units.values().forEach(unit -> unit.busy = Math.max(0, unit.busy - 1));
                if (!app.refreshLayer) {
                    app.units.values().stream().filter(unit -> unit.revision != app.revision).forEach(unit -> {
                        unit.revision = app.revision;
                        unit.busy = 1;
                    });
                } else if (refreshing(app) && !paused(app) && refreshedUnitsHealthy(app)) {
                    refreshUnit(app, order(app).get(nextIndex(app)));
                }
            }
        }

        private Reply actions(String name) {
            App app = state.applications.get(name);
            if (app == null) {
                return Reply.error("ERROR application \"" + name + "\" not found");
            }
            JsonObject actions = new JsonObject();
            app.actions.forEach(action -> actions.addProperty(action, "the " + action + " action"));
            return Reply.ok(GSON.toJson(actions));
        }

        private Reply refresh(List<String> call) {
            App app = state.applications.get(call.get(1));
            if (app == null) {
                return Reply.error("ERROR application \"" + call.get(1) + "\" not found");
            }
            int channelFlag = call.indexOf("--channel");
            int revisionFlag = call.indexOf("--revision");
            String channel = channelFlag < 0 ? app.channel : call.get(channelFlag + 1);
            Integer revision = revisionFlag < 0 ? charm(app).channels.get(channel)
                    : Integer.valueOf(call.get(revisionFlag + 1));
            if (revision == null) {
                return Reply.error("ERROR charm \"" + app.charm + "\" has no channel \"" + channel + "\"");
            }
            app.channel = channel;
            app.originalRevision = app.revision;
            app.revision = revision;
            if (app.refreshLayer) {
                refreshUnit(app, order(app).get(0));
            } else {
                app.units.values().forEach(unit -> unit.busy = 1);
            }
            return Reply.ok("Added charm-hub charm \"" + app.charm + "\", revision " + revision + " in channel "
                    + channel + ", to the model\n");
        }

        private Reply run(String unitName, String action) {
            String name = unitName.substring(0, unitName.indexOf('/'));
            App app = state.applications.get(name);
            if (app == null || !app.units.containsKey(unitName)) {
                return Reply.error("ERROR unit \"" + unitName + "\" not found");
            }
            if (!app.actions.contains(action)) {
                return Reply.error("ERROR invalid unit or action name: action \"" + action + "\" not defined");
            }
            return switch (action) {
                case "create-backup" -> {
                    app.backups++;
                    yield task(unitName, "completed", "", "backup " + app.backups + " of " + name + " created");
                }
                case "resume-refresh" -> resumeRefresh(app, unitName);
                default -> task(unitName, "completed", "", action + " done");
            };
        }

        private Reply resumeRefresh(App app, String unitName) {
            if (!refreshing(app)) {
                return task(unitName, "failed", "No refresh in progress", "");
            }
            if (app.pause.equals("none")) {
                return task(unitName, "failed",
                        "`pause-after-unit-refresh` config is set to `none`. This action is not applicable.", "");
            }
            String next = order(app).get(nextIndex(app));
            if (!unitName.equals(next)) {
                return task(unitName, "failed", "Must run action on unit " + number(next), "");
            }
            if (!paused(app)) {
                return task(unitName, "failed", "Unit is currently refreshing", "");
            }
            if (!refreshedUnitsHealthy(app)) {
                return task(unitName, "failed", "Unit " + number(order(app).get(0)) + " is unhealthy. Refresh will not"
                        + " resume.", "");
            }
            refreshUnit(app, unitName);
            return task(unitName, "completed", "", "Refresh resumed. Unit " + number(unitName) + " has refreshed");
        }

        private Reply upgradeMachine(String id, String verb, List<String> call) {
            Machine machine = state.machines.get(id);
            if (machine == null) {
                return Reply.error("ERROR machine \"" + id + "\" not found");
            }
            List<Unit> units = state.applications.values().stream().flatMap(a -> a.units.values().stream())
                    .filter(u -> u.machine.equals(id)).toList();
            if (verb.equals("prepare")) {
                if (!machine.phase.isEmpty()) {
                    return Reply.error("ERROR upgrade series lock found for \"machine-" + id + "\"; series upgrade is"
                            + " in the \"" + machine.phase + "\" state");
                }
                if (units.stream().anyMatch(u -> u.busy > 0 || u.workload.equals("error"))) {
                    return Reply.error("ERROR a unit on machine " + id + " is not ready to start a series upgrade");
                }
                machine.phase = "prepare completed";
                units.forEach(u -> {
                    u.workload = "blocked";
                    u.message = "Ready for do-release-upgrade and reboot. Set complete when finished.";
                    u.busy = 1;
                });
                return Reply.ok("machine-" + id + " started upgrade series to \"" + call.get(3) + "\"\nJuju is now"
                        + " ready for the machine base to be updated.\n");
            }
            if (!machine.phase.equals("prepare completed")) {
                return Reply.error("ERROR machine \"" + id + "\" is not prepared for a series upgrade");
            }
            machine.phase = "";
            machine.base = machine.base.substring(0, machine.base.indexOf('@') + 1) + machine.os;
            units.forEach(u -> {
                u.workload = "active";
                u.message = "";
                u.busy = 1;
            });
            return Reply.ok("Upgrade machine base \"" + id + "\" has successfully completed\n");
        }

        private Reply exec(List<String> call) {
            Machine machine = state.machines.get(call.get(call.indexOf("--machine") + 1));
            if (!call.subList(call.indexOf("--") + 1, call.size()).equals(List.of("cat", "/etc/os-release"))) {
                return Reply.error("ERROR the stub juju only runs `cat /etc/os-release`, not " + call);
            }
            return Reply.ok("NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"" + machine.os + "\"\n");
        }

        private void refreshUnit(App app, String unitName) {
            Unit unit = app.units.get(unitName);
            unit.revision = app.revision;
            unit.busy = 1;
            if (unitName.equals(app.failOnRefresh)) {
                unit.workload = "error";
                unit.message = "hook failed: \"upgrade-charm\"";
            }
        }

        private boolean refreshing(App app) {
            return app.units.values().stream().anyMatch(u -> u.revision != app.revision);
        }

        private int nextIndex(App app) {
            List<String> order = order(app);
            for (int i = 0; i < order.size(); i++) {
                if (app.units.get(order.get(i)).revision != app.revision) {
                    return i;
                }
            }
            return order.size();
        }

        /** Whether the next unit waits for resume-refresh (pause-after-unit-refresh; anything invalid is "all"). */
        private boolean paused(App app) {
            int next = nextIndex(app);
            return switch (app.pause) {
                case "none" -> false;
                case "first" -> next == 1;
                default -> next >= 1;
            };
        }

        private boolean refreshedUnitsHealthy(App app) {
            return app.units.values().stream().filter(u -> u.revision == app.revision)
                    .allMatch(u -> u.busy == 0 && u.workload.equals("active"));
        }

        private Charm charm(App app) {
            return state.charmhub.getOrDefault(app.charm, new Charm());
        }

        private String version(App app, Unit unit) {
            return charm(app).versions.getOrDefault(Integer.toString(unit.revision), "");
        }

        /** Highest unit number first: the refresh order. */
        private static List<String> order(App app) {
            return app.units.keySet().stream().sorted(Comparator.comparingInt(StubJuju::number).reversed()).toList();
        }

        private static JsonObject info(String current, String message) {
            JsonObject info = new JsonObject();
            info.addProperty("current", current);
            if (!message.isEmpty()) {
                info.addProperty("message", message);
            }
            return info;
        }

        private static Reply task(String unit, String status, String message, String result) {
            JsonObject task = new JsonObject();
            task.addProperty("id", "1");
            task.addProperty("status", status);
            task.addProperty("unit", unit);
            if (!message.isEmpty()) {
                task.addProperty("message", message);
            }
            JsonObject results = new JsonObject();
            if (!result.isEmpty()) {
                results.addProperty("result", result);
            }
            task.add("results", results);
            JsonObject reply = new JsonObject();
            reply.add(unit, task);
            String json = GSON.toJson(reply) + "\n";
            return status.equals("completed") ? Reply.ok(json)
                    : new Reply(1, json, "ERROR the following task failed:\n id \"1\" with return code 1\n");
        }
    }

    static int number(String unitName) {
        return Integer.parseInt(unitName.substring(unitName.indexOf('/') + 1));
    }
}
