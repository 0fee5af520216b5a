package dev.charms.reactive.runtime;

import com.google.gson.JsonObject;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.ProcessJujuBackend;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.status.Status;
import java.util.List;
import java.util.Map;

/**
 * {@code Main --train}: runs a representative hook sequence entirely in memory, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit} records in its class-data-sharing archive the classes a real hook loads.
 *
 * <p>It parses a sample environment and sample charm files, discovers the charm's handler indexes (loading
 * them, running none of the charm's handlers, whose side effects would be real), and runs {@code install},
 * {@code update-status} and an action over the production {@link ProcessJujuBackend}, whose hook tools are
 * answered in memory. It starts no process, reads no charm file and writes no file.
 */
final class Training {
    private static final String METADATA = "name: train\nrequires:\n  db: {interface: mysql}\npeers:\n  cluster: train\n";
    private static final String CONFIG = "options:\n  port: {type: int, default: 8080}\n  name: {type: string}\n";
    private static final String ACTIONS = "train:\n  params:\n    level: {type: integer, default: 1}\n";

    private Training() {
    }

    static void run(ClassLoader loader) {
        HookEnvironment hook = HookEnvironment.of(Map.of("JUJU_DISPATCH_PATH", "hooks/update-status",
                "JUJU_HOOK_NAME", "update-status", "JUJU_UNIT_NAME", "train/0", "JUJU_CHARM_DIR", "/nonexistent",
                "JUJU_VERSION", "3.6.0", "JUJU_MODEL_NAME", "train"));
        hook.hookName(MetadataYaml.relations(METADATA, "metadata.yaml").stream().map(r -> r.name()).toList());
        HandlerSet.of(HandlerDiscovery.discover(loader, warning -> { }));
        HookRunner runner = HookRunner.builder(HandlerSet.ofDefinitions(handlers(), type -> new Object()))
                .relations(MetadataYaml.relations(METADATA, "metadata.yaml"))
                .configOptions(ConfigYaml.parse(CONFIG, "config.yaml"))
                .actions(ActionsYaml.parse(ACTIONS, "actions.yaml"))
                .service(HookEnvironment.class, () -> hook)
                .build();
        JsonObject state = new JsonObject();
        for (String name : List.of("install", "update-status", "train")) {
            ProcessJujuBackend backend = new ProcessJujuBackend(Training::answer, hook.unit(),
                    ProcessJujuBackend.LogMode.BUFFERED);
            HookOutcome outcome = name.equals("train") ? runner.runAction(backend, name, state)
                    : runner.run(backend, name, state);
            backend.flushLog();
            state = outcome.state();
        }
    }

    private static List<HandlerDefinition> handlers() {
        return List.of(
                HandlerDefinition.builder(Training.class, "configure")
                        .whenAll("config.changed")
                        .parameters(Config.class, Flags.class)
                        .invoker((target, args) -> ((Flags) args[1]).set("train.port."
                                + ((Config) args[0]).getLong("port")))
                        .build(),
                HandlerDefinition.builder(Training.class, "ready")
                        .whenNone("train.ready")
                        .parameters(Status.class, Flags.class)
                        .invoker((target, args) -> {
                            ((Status) args[0]).active("ready");
                            ((Flags) args[1]).set("train.ready");
                        })
                        .build(),
                HandlerDefinition.builder(Training.class, "train")
                        .action("train")
                        .parameters(ActionContext.class, Flags.class)
                        .invoker((target, args) -> {
                            ActionContext action = (ActionContext) args[0];
                            action.set("level", action.getLong("level"));
                            ((Flags) args[1]).clear("train.ready");
                        })
                        .build());
    }

    /** What Juju's tools would print, without starting them. */
    private static CommandResult answer(Command command) {
        String stdout = switch (command.argv().get(0)) {
            case "config-get" -> "{\"port\": 8080, \"name\": null}";
            case "is-leader" -> "true";
            case "leader-get", "action-get" -> "{}";
            default -> "";
        };
        return new CommandResult(command, 0, stdout, "");
    }
}
