package dev.charms.reactive.layers.juju;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.layers.LayerToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Runs the {@code juju} command line (Juju 3) through a {@link CommandRunner}: never through a shell, with
 * {@code -m <model>} on every command when a model was named (else Juju's current model), and {@code
 * --format=json} wherever the output is read. Each command and its result are handed to an observer, which the
 * orchestrator writes to its execution log.
 */
public final class ProcessJujuCli implements JujuCli {
    private final CommandRunner runner;
    private final String juju;
    private final Optional<String> model;
    private final BiConsumer<Command, CommandResult> observer;

    /**
     * @param runner runs the commands
     * @param juju the {@code juju} program: a path, or a name looked up on the runner's {@code PATH}
     * @param model the model to work on; empty for Juju's current model
     * @param observer told of every command once it ended
     */
    public ProcessJujuCli(CommandRunner runner, String juju, Optional<String> model,
            BiConsumer<Command, CommandResult> observer) {
        this.runner = runner;
        this.juju = juju;
        this.model = model;
        this.observer = observer;
    }

    @Override
    public ModelStatus status() {
        return ModelStatus.parse(call("cannot read the model's status", "status", "--format=json").stdout());
    }

    @Override
    public Set<String> actions(String application) {
        String what = "cannot list the actions of '" + application + "'";
        return new TreeSet<>(json(call(what, "actions", application, "--format=json"), what).keySet());
    }

    @Override
    public void refresh(String application, Optional<String> channel, OptionalInt revision) {
        List<String> args = new ArrayList<>(List.of("refresh", application));
        channel.ifPresent(c -> args.addAll(List.of("--channel", c)));
        revision.ifPresent(r -> args.addAll(List.of("--revision", Integer.toString(r))));
        call("cannot refresh '" + application + "'", args.toArray(String[]::new));
    }

    @Override
    public ActionResult run(String unit, String action, Map<String, String> parameters) {
        List<String> args = new ArrayList<>(List.of("run", unit, action));
        new TreeMap<>(parameters).forEach((key, value) -> args.add(key + "=" + value));
        args.add("--format=json");
        String what = "cannot run " + action + " on " + unit;
        CommandResult result = execute(args);
        JsonElement task = parseOrNull(result.stdout()) instanceof JsonObject tasks ? tasks.get(unit) : null;
        if (!(task instanceof JsonObject fields)) {
            result.orThrow(what);
            throw new LayerToolException(what + ": `" + result.command() + "` printed no result for " + unit
                    + ": " + result.stdout().strip());
        }
        Map<String, String> results = new TreeMap<>();
        if (fields.get("results") instanceof JsonObject values) {
            values.entrySet().forEach(e -> results.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        }
        String message = fields.has("message") ? fields.get("message").getAsString() : "";
        String status = fields.has("status") ? fields.get("status").getAsString() : (result.succeeded() ? "completed"
                : "failed");
        return new ActionResult(unit, status, message, results);
    }

    @Override
    public void prepareMachine(String machine, String base) {
        call("cannot prepare machine " + machine + " for " + base, "upgrade-machine", machine, "prepare", base,
                "--yes");
    }

    @Override
    public void completeMachine(String machine) {
        call("cannot complete the upgrade of machine " + machine, "upgrade-machine", machine, "complete");
    }

    @Override
    public String exec(String machine, List<String> command) {
        List<String> args = new ArrayList<>(List.of("exec", "--machine", machine, "--"));
        args.addAll(command);
        return call("cannot run `" + String.join(" ", command) + "` on machine " + machine, args.toArray(String[]::new))
                .stdout();
    }

    private CommandResult call(String what, String... args) {
        return execute(List.of(args)).orThrow(what);
    }

    private CommandResult execute(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(juju);
        argv.add(args.get(0));
        model.ifPresent(m -> argv.addAll(List.of("-m", m)));
        argv.addAll(args.subList(1, args.size()));
        Command command = Command.of(argv);
        CommandResult result = runner.run(command);
        observer.accept(command, result);
        return result;
    }

    private static JsonObject json(CommandResult result, String what) {
        if (parseOrNull(result.stdout()) instanceof JsonObject object) {
            return object;
        }
        throw new LayerToolException(what + ": `" + result.command() + "` did not print a JSON object: "
                + result.stdout().strip());
    }

    private static JsonElement parseOrNull(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return null;
        }
    }
}
