package dev.charms.reactive.testing.model;

import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.endpoints.EndpointEnvironment;
import dev.charms.reactive.endpoints.EndpointSupport;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * How the {@link Model} runs one hook on one unit. The model prepares the hook tools' view of itself in an
 * {@link InMemoryJujuBackend} (config, leadership, relations and their data, unit and application status, opened
 * ports, action parameters); the driver runs the hook against it and leaves in it what the hook's tools wrote
 * (relation data, leader settings, statuses, ports, workload version, action results, failure and log), which the
 * model then applies to itself.
 */
@FunctionalInterface
public interface HookDriver {
    /**
     * Runs the hook, or the action when {@link HookRequest#action()} is present.
     *
     * @return what the hook produced, with the unit's new state
     * @throws HookFailedException if the hook failed; the model keeps the unit's old state
     */
    HookOutcome run(HookRequest request, InMemoryJujuBackend backend);

    /**
     * Runs each hook in this JVM through the production {@link HookRunner}, with the charm's handler classes,
     * relations, options and actions, as the runtime's {@code Main} does: handlers may take the
     * {@link HookEnvironment} of {@link HookRequest#environment}, with the charm directory
     * {@code /var/lib/juju/agents/unit-<app>-<n>/charm} (which does not exist here).
     */
    static HookDriver inProcess() {
        return inProcess(request -> List.of());
    }

    /**
     * As {@link #inProcess()}, with more parameter resolvers for each hook, chosen by the hook: typically the
     * simulated machine of the hook's unit, so that handlers taking {@code Services}, {@code Apt} or {@code Files}
     * act on it.
     * <pre>{@code
     * Map<String, SimulatedHost> hosts = new HashMap<>();
     * Model model = new Model(HookDriver.inProcess(
     *         request -> List.of(hosts.computeIfAbsent(request.unit(), u -> new SimulatedHost(tempDir.resolve(u))))));
     * }</pre>
     */
    static HookDriver inProcess(Function<HookRequest, List<? extends ParameterResolver>> resolversForHook) {
        return (request, backend) -> {
            Charm charm = request.charm();
            HookEnvironment environment = HookEnvironment.of(request.environment(
                    Path.of("/var/lib/juju/agents", "unit-" + request.unit().replace('/', '-'), "charm")));
            HookRunner.Builder builder = HookRunner.builder(charm.handlers())
                    .relations(charm.relations())
                    .configOptions(charm.options())
                    .actions(charm.actions())
                    .service(HookEnvironment.class, () -> environment)
                    .failOnIterationCap(true);
            resolversForHook.apply(request).forEach(builder::resolver);
            EndpointSupport.of(charm.handlers(), charm.relations(), EndpointEnvironment.of(environment))
                    .install(builder);
            HookRunner runner = builder.build();
            return request.action().isPresent() ? runner.runAction(backend, request.hook(), request.state())
                    : runner.run(backend, request.hook(), request.state());
        };
    }
}
