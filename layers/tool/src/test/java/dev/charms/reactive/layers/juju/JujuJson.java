package dev.charms.reactive.layers.juju;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * What Juju 3 prints with {@code --format=json}, in the shapes {@link ModelStatus} and {@link ProcessJujuCli} read:
 * the pieces both test {@code juju}s ({@link StubJuju}, {@link SimulatedJuju}) print.
 */
final class JujuJson {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JujuJson() {
    }

    /** {@code {"current": ..., "message": ...}}, without the message when it is empty. */
    static JsonObject info(String current, String message) {
        JsonObject info = new JsonObject();
        info.addProperty("current", current);
        if (!message.isEmpty()) {
            info.addProperty("message", message);
        }
        return info;
    }

    /** The {@code model} object of {@code juju status}. */
    static JsonObject model(String name) {
        JsonObject model = new JsonObject();
        model.addProperty("name", name);
        model.addProperty("type", "iaas");
        model.addProperty("version", "3.6.4");
        return model;
    }

    /**
     * A machine of {@code juju status} on {@code base} ({@code ubuntu@22.04}), in series-upgrade {@code phase} (Juju's
     * name, such as {@code prepare completed}), or in none when it is empty.
     */
    static JsonObject machine(String base, String phase) {
        JsonObject fields = new JsonObject();
        JsonObject baseFields = new JsonObject();
        baseFields.addProperty("name", base.substring(0, base.indexOf('@')));
        baseFields.addProperty("channel", base.substring(base.indexOf('@') + 1));
        fields.add("base", baseFields);
        fields.add("juju-status", info("started", ""));
        fields.add("machine-status", phase.isEmpty() ? info("running", "Running")
                : info(phase, phase.equals("prepare completed") ? "waiting for completion command" : ""));
        return fields;
    }

    /** What {@code juju run <unit> <action> --format=json} prints for task {@code id}. */
    static String task(String unit, int id, String status, String message, JsonObject results, List<String> log) {
        JsonObject task = new JsonObject();
        task.addProperty("id", Integer.toString(id));
        task.addProperty("status", status);
        task.addProperty("unit", unit);
        if (!message.isEmpty()) {
            task.addProperty("message", message);
        }
        task.add("results", results);
        JsonArray lines = new JsonArray();
        log.forEach(lines::add);
        task.add("log", lines);
        JsonObject printed = new JsonObject();
        printed.add(unit, task);
        return GSON.toJson(printed) + "\n";
    }

    /** What {@code juju run} prints on stderr when task {@code id} failed; it then exits 1. */
    static String taskFailed(int id) {
        return "ERROR the following task failed:\n id \"" + id + "\" with return code 1\n";
    }
}
