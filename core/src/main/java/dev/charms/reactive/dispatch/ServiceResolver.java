package dev.charms.reactive.dispatch;

import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.status.Status;
import java.util.HashSet;
import java.util.Set;

/**
 * Resolves the runtime's own injectable types, and those given to {@link HookRunner.Builder#service}, to the
 * running hook's instances.
 */
final class ServiceResolver implements ParameterResolver {
    private static final Set<Class<?>> OWN_TYPES = Set.of(Flags.class, Log.class, Config.class, Leadership.class,
            Status.class, DataChanged.class, ActionContext.class);

    private final Set<Class<?>> types;

    ServiceResolver(Set<Class<?>> builderTypes) {
        for (Class<?> type : builderTypes) {
            if (OWN_TYPES.contains(type)) {
                throw new IllegalArgumentException(type.getName() + " is provided by the runtime itself; do not give it"
                        + " to HookRunner.Builder.service");
            }
        }
        Set<Class<?>> all = new HashSet<>(OWN_TYPES);
        all.addAll(builderTypes);
        this.types = Set.copyOf(all);
    }

    @Override
    public boolean supports(Class<?> type) {
        return types.contains(type);
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        return context.hook().service(type).orElseThrow(() -> new IllegalStateException(
                type.getSimpleName() + " is not available in " + (context.hook().action() ? "action " : "hook ")
                        + context.hook().hookName() + (type == ActionContext.class
                        ? "; only @Action handlers may take it" : "")));
    }
}
