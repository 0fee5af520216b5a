package dev.charms.reactive.testing.model;

import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.endpoints.EndpointEnvironment;
import dev.charms.reactive.endpoints.EndpointSupport;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.List;
import java.util.function.Function;

/**
 * How the {@link Model} runs one hook on one unit. The model prepares the hook tools' view of itself in an
 * {@link InMemoryJujuBackend} (config, leadership, relations and their data, status); the driver runs the hook against
 * it and leaves in it what the hook's tools wrote (relation data, leader settings, statuses, log), which the model
 * then applies to itself.
 */
@FunctionalInterface
public interface HookDriver {
    /**
     * Runs the hook.
     *
     * @return what the hook produced, with the unit's new state
     * @throws HookFailedException if the hook failed; the model keeps the unit's old state
     */
    HookOutcome run(HookRequest request, InMemoryJujuBackend backend);

    /** Runs each hook in this JVM through the production {@link HookRunner}, with the charm's handler classes. */
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
            HookRunner.Builder builder = HookRunner.builder(charm.handlers())
                    .relations(charm.relations())
                    .configOptions(charm.options())
                    .failOnIterationCap(true);
            resolversForHook.apply(request).forEach(builder::resolver);
            EndpointSupport.of(charm.handlers(), charm.relations(),
                    new EndpointEnvironment(request.unit(), request.relationId(), request.remoteUnit()))
                    .install(builder);
            return builder.build().run(backend, request.hook(), request.state());
        };
    }
}
