package dev.charms.reactive.layers.juju;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.LayerToolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The parts of {@code juju status --format=json} the upgrade orchestrator reads. Applications and machines are
 * sorted by name; units by number. Subordinate units, which Juju lists under their principal units, are listed
 * under their own application.
 *
 * @param model the model's name; never null
 * @param applications by name; never null
 * @param machines by id; never null
 */
public record ModelStatus(String model, Map<String, Application> applications, Map<String, Machine> machines) {

    /** Copies the maps. */
    public ModelStatus {
        Objects.requireNonNull(model, "model");
        applications = Map.copyOf(applications);
        machines = Map.copyOf(machines);
    }

    /**
     * A status and its message, as {@code workload-status}, {@code juju-status}, {@code application-status} and
     * {@code machine-status} hold them.
     *
     * @param current {@code active}, {@code idle}, {@code error}, ...; empty when Juju gave none; never null
     * @param message never null, possibly empty
     */
    public record StatusInfo(String current, String message) {
        /** Checks the parts. */
        public StatusInfo {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(message, "message");
        }

        /** {@code current} followed by {@code ": message"} when there is one. */
        @Override
        public String toString() {
            return message.isEmpty() ? current : current + ": " + message;
        }
    }

    /**
     * One unit.
     *
     * @param name {@code app/N}; never null
     * @param workload its workload status; never null
     * @param agent its agent ({@code juju-status}): {@code idle}, {@code executing}, ...; never null
     * @param leader whether it is its application's leader
     * @param machine the machine it runs on; empty on Kubernetes or for an unknown machine; never null
     * @param workloadVersion what the unit reports as its workload version, empty if nothing; never null
     * @param upgradingFrom the charm the unit still runs while its application was refreshed; empty when none
     */
    public record Unit(String name, StatusInfo workload, StatusInfo agent, boolean leader, String machine,
            String workloadVersion, Optional<String> upgradingFrom) {

        /** Checks the parts. */
        public Unit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(workload, "workload");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(workloadVersion, "workloadVersion");
            Objects.requireNonNull(upgradingFrom, "upgradingFrom");
        }

        /** The unit number: 2 for {@code db/2}. */
        public int number() {
            return Integer.parseInt(name.substring(name.indexOf('/') + 1));
        }

        /** True when its workload or its agent is in error. */
        public boolean inError() {
            return workload.current().equals("error") || agent.current().equals("error");
        }

        /** True when its agent is idle: it runs no hook or action. */
        public boolean idle() {
            return agent.current().equals("idle");
        }
    }

    /**
     * One application.
     *
     * @param name never null
     * @param charm the charm's name; never null
     * @param channel the Charmhub channel it follows, empty when none; never null
     * @param revision the charm revision, if Juju gave one
     * @param canUpgradeTo the newer charm Juju knows of in its channel, empty when none; never null
     * @param status the application status; never null
     * @param version the application's workload version, empty when none; never null
     * @param units sorted by number; never null
     */
    public record Application(String name, String charm, String channel, OptionalInt revision, String canUpgradeTo,
            StatusInfo status, String version, List<Unit> units) {

        /** Checks and copies the parts. */
        public Application {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(charm, "charm");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(canUpgradeTo, "canUpgradeTo");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(version, "version");
            units = units.stream().sorted(Comparator.comparingInt(Unit::number)).toList();
        }

        /** The leader unit, if Juju named one. */
        public Optional<Unit> leader() {
            return units.stream().filter(Unit::leader).findFirst();
        }

        /** The unit called {@code name}, if it is one of this application's. */
        public Optional<Unit> unit(String unitName) {
            return units.stream().filter(u -> u.name().equals(unitName)).findFirst();
        }
    }

    /**
     * One machine.
     *
     * @param id {@code 0}, {@code 1}, ...; never null
     * @param base {@code ubuntu@22.04} (from {@code base}, or {@code series} on old Juju); never null
     * @param status its {@code machine-status}; during a series upgrade Juju shows the phase here, such as
     *     {@code prepare completed}; never null
     */
    public record Machine(String id, String base, StatusInfo status) {
        /** Checks the parts. */
        public Machine {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The application called {@code name}.
     *
     * @throws LayerToolException if the model has none, naming the model's applications
     */
    public Application application(String name) {
        Application application = applications.get(name);
        if (application == null) {
            throw new LayerToolException("no application '" + name + "' in model '" + model + "'"
                    + Suggestions.didYouMean(name, applications.keySet()) + "; its applications: "
                    + String.join(", ", new TreeMap<>(applications).keySet()));
        }
        return application;
    }

    /** Every unit of every application, subordinates included, by application then number. */
    public List<Unit> units() {
        return new TreeMap<>(applications).values().stream().flatMap(a -> a.units().stream()).toList();
    }

    /**
     * Reads what {@code juju status --format=json} printed.
     *
     * @throws LayerToolException if it is not JSON, or lacks what every Juju prints; the message names the key
     */
    public static ModelStatus parse(String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new LayerToolException("`juju status --format=json` did not print a JSON object: " + e.getMessage());
        }
        String model = string(object(root, "model", "model"), "name", "model.name");
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        JsonObject apps = optionalObject(root, "applications");
        for (Map.Entry<String, JsonElement> app : apps.entrySet()) {
            JsonObject appUnits = optionalObject(app.getValue().getAsJsonObject(), "units");
            for (Map.Entry<String, JsonElement> unit : appUnits.entrySet()) {
                addUnit(units, unit.getKey(), unit.getValue().getAsJsonObject(), "applications." + app.getKey(), "");
            }
        }
        Map<String, Application> applications = new TreeMap<>();
        for (Map.Entry<String, JsonElement> app : apps.entrySet()) {
            applications.put(app.getKey(), application(app.getKey(), app.getValue().getAsJsonObject(),
                    units.getOrDefault(app.getKey(), List.of())));
        }
        Map<String, Machine> machines = new TreeMap<>();
        for (Map.Entry<String, JsonElement> machine : optionalObject(root, "machines").entrySet()) {
            JsonObject fields = machine.getValue().getAsJsonObject();
            machines.put(machine.getKey(), new Machine(machine.getKey(), base(fields),
                    statusInfo(fields, "machine-status")));
        }
        return new ModelStatus(model, applications, machines);
    }

    /** Adds the unit {@code name} and its subordinates, which run on its machine ({@code principalMachine} if none). */
    private static void addUnit(Map<String, List<Unit>> units, String name, JsonObject fields, String where,
            String principalMachine) {
        String path = where + ".units." + name;
        if (!name.matches("[^/]+/\\d+")) {
            throw new LayerToolException("`juju status --format=json`: " + path + " is not a unit name (app/N)");
        }
        if (!fields.has("juju-status")) {
            throw new LayerToolException("`juju status --format=json`: " + path + " has no 'juju-status'");
        }
        String machine = text(fields, "machine").isEmpty() ? principalMachine : text(fields, "machine");
        Unit unit = new Unit(name, statusInfo(fields, "workload-status"), statusInfo(fields, "juju-status"),
                fields.has("leader") && fields.get("leader").getAsBoolean(), machine,
                text(fields, "workload-version"), Optional.of(text(fields, "upgrading-from")).filter(s -> !s.isEmpty()));
        units.computeIfAbsent(name.substring(0, name.indexOf('/')), key -> new ArrayList<>()).add(unit);
        for (Map.Entry<String, JsonElement> sub : optionalObject(fields, "subordinates").entrySet()) {
            addUnit(units, sub.getKey(), sub.getValue().getAsJsonObject(), path, machine);
        }
    }

    private static Application application(String name, JsonObject fields, List<Unit> units) {
        OptionalInt revision = fields.has("charm-rev") ? OptionalInt.of(fields.get("charm-rev").getAsInt())
                : OptionalInt.empty();
        return new Application(name, text(fields, "charm-name").isEmpty() ? text(fields, "charm")
                : text(fields, "charm-name"), text(fields, "charm-channel"), revision, text(fields, "can-upgrade-to"),
                statusInfo(fields, "application-status"), text(fields, "version"), units);
    }

    private static String base(JsonObject machine) {
        if (machine.has("base") && machine.get("base").isJsonObject()) {
            JsonObject base = machine.getAsJsonObject("base");
            return text(base, "name") + "@" + text(base, "channel");
        }
        return text(machine, "series");
    }

    private static StatusInfo statusInfo(JsonObject fields, String key) {
        JsonObject status = optionalObject(fields, key);
        return new StatusInfo(text(status, "current"), text(status, "message"));
    }

    private static JsonObject object(JsonObject fields, String key, String path) {
        if (!fields.has(key) || !fields.get(key).isJsonObject()) {
            throw new LayerToolException("`juju status --format=json` printed no '" + path + "' object");
        }
        return fields.getAsJsonObject(key);
    }

    private static JsonObject optionalObject(JsonObject fields, String key) {
        return fields.has(key) && fields.get(key).isJsonObject() ? fields.getAsJsonObject(key) : new JsonObject();
    }

    private static String string(JsonObject fields, String key, String path) {
        if (!fields.has(key) || !fields.get(key).isJsonPrimitive()) {
            throw new LayerToolException("`juju status --format=json` printed no '" + path + "'");
        }
        return fields.get(key).getAsString();
    }

    private static String text(JsonObject fields, String key) {
        return fields.has(key) && fields.get(key).isJsonPrimitive() ? fields.get(key).getAsString() : "";
    }
}
