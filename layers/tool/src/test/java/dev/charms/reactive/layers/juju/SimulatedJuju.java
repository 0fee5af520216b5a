package dev.charms.reactive.layers.juju;

import static dev.charms.reactive.layers.juju.JujuJson.info;

import com.google.gson.JsonObject;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.model.ActionResult;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SeriesUpgradeStatus;
import dev.charms.reactive.testing.model.SimulatedUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code juju} command line (Juju 3) over the model simulator: each {@code juju} command the runner is given is
 * answered from a {@link Model} in this JVM, and what it changes is done to that model, so {@code reactive upgrade}
 * drives real charm code (samples/kv-store: its charm and the refresh layer) through the same {@code juju} calls it
 * makes in production. Other modules use it from this module's test jar.
 * <ul>
 *   <li>{@code status --format=json}: the applications (charm revision, status, workload version), their units
 *       (workload status, agent {@code idle}, leader, machine, workload version) and the machines (base, and the
 *       series-upgrade phase as {@code machine-status}). An application whose leader set no status shows the most
 *       severe of its units' statuses, as Juju derives it; its {@code version} is its leader's workload version.</li>
 *   <li>{@code actions APP --format=json}: the actions of the charm the application runs.</li>
 *   <li>{@code refresh APP [--revision N]}: {@link Model#refresh} to revision N of the application's charm (without
 *       {@code --revision}, the highest revision given); channels are not simulated.</li>
 *   <li>{@code run UNIT ACTION [key=value...] --format=json}: {@link Model#runAction}, values read as YAML as Juju
 *       does; a failed action exits 1 with its result printed, as Juju does.</li>
 *   <li>{@code upgrade-machine M prepare BASE --yes} and {@code upgrade-machine M complete}: the model's series upgrade
 *       of the machine; at completion Juju records the release the machine really runs as its base.</li>
 *   <li>{@code exec --machine M -- cat /etc/os-release}: the release the machine runs ({@link
 *       #upgradeOperatingSystem}).</li>
 * </ul>
 * Every machine starts on {@value #BASE}. The model runs each operation's hooks before the command returns, so agents
 * are always idle and no unit is ever seen half-way through {@code upgrade-charm}; a hook that fails throws {@link
 * dev.charms.reactive.testing.model.ModelHookFailed} out of the command, where Juju would put the unit in error. What
 * the model refuses ({@link IllegalArgumentException}, {@link IllegalStateException}) exits 1 with {@code ERROR} and
 * the model's message. Not thread-safe, as the model is not; {@code reactive upgrade} calls {@code juju} one command
 * at a time.
 */
public final class SimulatedJuju implements CommandRunner {
    /** The base every machine starts on. */
    public static final String BASE = "ubuntu@22.04";
    /** Juju's order of workload statuses, most severe first, for an application status it derives. */
    private static final List<String> SEVERITY = List.of("error", "blocked", "maintenance", "waiting", "active",
            "terminated", "unknown");

    private final Model model;
    private final String name;
    private final Map<String, Map<Integer, Charm>> charmhub;
    private final Map<String, String> bases = new TreeMap<>();
    private final Map<String, String> releases = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private int tasks;

    /**
     * @param model the model, with its applications deployed
     * @param name the model's name, which {@code -m} must give when it is given
     * @param charmhub per application, the revisions {@code juju refresh} can take it to: each charm's {@link
     *     Charm#revision()} is its key
     */
    public SimulatedJuju(Model model, String name, Map<String, Map<Integer, Charm>> charmhub) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.charmhub = Map.copyOf(charmhub);
    }

    /**
     * What {@code do-release-upgrade} and a reboot do to a machine: from now on it runs Ubuntu {@code version}, such
     * as {@code 24.04}. Juju records it as the machine's base at {@code upgrade-machine complete}.
     */
    public void upgradeOperatingSystem(String machine, String version) {
        releases.put(machine, version);
    }

    /**
     * The calls made so far, without the program, {@code -m} and {@code --format=json}, such as {@code refresh
     * kv-store --revision 2}.
     */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The model as {@code juju status --format=json} prints it now. */
    public String status() {
        JsonObject root = new JsonObject();
        root.add("model", JujuJson.model(name));
        JsonObject machines = new JsonObject();
        model.units().stream().map(SimulatedUnit::machine).distinct().sorted(Comparator.comparingInt(Integer::parseInt))
                .forEach(machine -> {
                    SeriesUpgradeStatus phase = model.seriesUpgradeStatus(machine);
                    machines.add(machine, JujuJson.machine(bases.getOrDefault(machine, BASE),
                            phase == SeriesUpgradeStatus.NOT_STARTED ? "" : phase.toString()));
                });
        root.add("machines", machines);
        JsonObject applications = new JsonObject();
        model.applications().forEach(app -> applications.add(app, application(app)));
        root.add("applications", applications);
        return JujuJson.GSON.toJson(root) + "\n";
    }

    @Override
    public CommandResult run(Command command) {
        List<String> call = new ArrayList<>(command.arguments());
        int flag = call.indexOf("-m");
        if (flag >= 0 && !call.get(flag + 1).equals(name)) {
            return new CommandResult(command, 1, "", "ERROR model \"" + call.get(flag + 1) + "\" not found\n");
        }
        if (flag >= 0) {
            call.subList(flag, flag + 2).clear();
        }
        call.remove("--format=json");
        calls.add(String.join(" ", call));
        try {
            return switch (call.isEmpty() ? "" : call.get(0)) {
                case "status" -> new CommandResult(command, 0, status(), "");
                case "actions" -> new CommandResult(command, 0, actions(call.get(1)), "");
                case "refresh" -> new CommandResult(command, 0, refresh(call), "");
                case "run" -> run(command, call);
                case "upgrade-machine" -> new CommandResult(command, 0, upgradeMachine(call), "");
                case "exec" -> new CommandResult(command, 0, exec(call), "");
                default -> new CommandResult(command, 2, "", "ERROR the simulated juju has no command " + call + "\n");
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new CommandResult(command, 1, "", "ERROR " + e.getMessage() + "\n");
        }
    }

    private JsonObject application(String app) {
        List<SimulatedUnit> units = model.units().stream().filter(u -> u.application().equals(app)).toList();
        JsonObject fields = new JsonObject();
        fields.addProperty("charm", app);
        fields.addProperty("charm-name", app);
        fields.addProperty("charm-origin", "charmhub");
        fields.addProperty("charm-rev", model.charm(app).revision());
        StatusValue status = model.applicationStatus(app);
        if (status.state().equals("unknown")) {
            status = units.stream().map(SimulatedUnit::status)
                    .min(Comparator.comparingInt(s -> SEVERITY.indexOf(s.state()))).orElse(status);
        }
        fields.add("application-status", info(status.state(), status.message()));
        model.leader(app).flatMap(model::workloadVersion).ifPresent(version -> fields.addProperty("version", version));
        JsonObject unitFields = new JsonObject();
        for (SimulatedUnit unit : units) {
            JsonObject one = new JsonObject();
            one.add("workload-status", info(unit.status().state(), unit.status().message()));
            one.add("juju-status", info("idle", ""));
            if (model.leader(app).filter(unit.name()::equals).isPresent()) {
                one.addProperty("leader", true);
            }
            one.addProperty("machine", unit.machine());
            unit.workloadVersion().ifPresent(version -> one.addProperty("workload-version", version));
            unitFields.add(unit.name(), one);
        }
        fields.add("units", unitFields);
        return fields;
    }

    private String actions(String app) {
        JsonObject actions = new JsonObject();
        model.charm(app).actionNames().forEach(action -> actions.addProperty(action, ""));
        return JujuJson.GSON.toJson(actions) + "\n";
    }

    private String refresh(List<String> call) {
        String app = call.get(1);
        if (call.contains("--channel")) {
            throw new IllegalArgumentException("the simulated juju has no channels; refresh with --revision");
        }
        Map<Integer, Charm> revisions = charmhub.getOrDefault(app, Map.of());
        int flag = call.indexOf("--revision");
        int revision = flag >= 0 ? Integer.parseInt(call.get(flag + 1))
                : revisions.keySet().stream().max(Integer::compare).orElse(-1);
        Charm charm = revisions.get(revision);
        if (charm == null) {
            throw new IllegalArgumentException("revision " + revision + " of charm \"" + app + "\" not found; the test"
                    + " gave revisions " + new TreeMap<>(revisions).keySet());
        }
        model.refresh(app, charm);
        return "Added charm-hub charm \"" + app + "\", revision " + revision + ", to the model\n";
    }

    private CommandResult run(Command command, List<String> call) {
        String unit = call.get(1);
        Map<String, Object> params = new LinkedHashMap<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String param : call.subList(3, call.size())) {
            params.put(param.substring(0, param.indexOf('=')), yaml.load(param.substring(param.indexOf('=') + 1)));
        }
        ActionResult result = model.runAction(unit, call.get(2), params);
        JsonObject results = new JsonObject();
        result.results().forEach((key, value) -> nest(results, key, value));
        String stdout = JujuJson.task(unit, ++tasks, result.status(), result.failureMessage().orElse(""), results,
                result.log());
        return result.failed() ? new CommandResult(command, 1, stdout, JujuJson.taskFailed(tasks))
                : new CommandResult(command, 0, stdout, "");
    }

    /** Puts {@code backup.size} as {@code {"backup": {"size": ...}}}, as Juju prints dotted action results. */
    private static void nest(JsonObject results, String key, String value) {
        JsonObject parent = results;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parent.has(parts[i])) {
                parent.add(parts[i], new JsonObject());
            }
            parent = parent.getAsJsonObject(parts[i]);
        }
        parent.addProperty(parts[parts.length - 1], value);
    }

    private String upgradeMachine(List<String> call) {
        String machine = call.get(1);
        if (call.get(2).equals("prepare")) {
            model.prepareSeriesUpgrade(machine, call.get(3));
            return "machine-" + machine + " started upgrade series to \"" + call.get(3) + "\"\nJuju is now ready for"
                    + " the machine base to be updated.\n";
        }
        model.completeSeriesUpgrade(machine);
        bases.put(machine, "ubuntu@" + release(machine));
        return "Upgrade machine base \"" + machine + "\" has successfully completed\n";
    }

    private String exec(List<String> call) {
        if (!call.subList(call.indexOf("--") + 1, call.size()).equals(List.of("cat", "/etc/os-release"))) {
            throw new IllegalArgumentException("the simulated juju runs only `cat /etc/os-release`, not " + call);
        }
        return "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"" + release(call.get(call.indexOf("--machine") + 1)) + "\"\n";
    }

    private String release(String machine) {
        String base = bases.getOrDefault(machine, BASE);
        return releases.getOrDefault(machine, base.substring(base.indexOf('@') + 1));
    }
}
