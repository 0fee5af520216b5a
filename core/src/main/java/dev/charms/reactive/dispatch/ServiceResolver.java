package dev.charms.reactive.dispatch;

import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.status.Status;
import java.util.Set;

/** Resolves the runtime's own injectable types to the running hook's instances. */
final class ServiceResolver implements ParameterResolver {
    private static final Set<Class<?>> TYPES = Set.of(Flags.class, Log.class, Config.class, Leadership.class,
            Status.class, DataChanged.class);

    @Override
    public boolean supports(Class<?> type) {
        return TYPES.contains(type);
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        return context.hook().service(type).orElseThrow(() -> new IllegalStateException(
                type.getSimpleName() + " is not available in hook " + context.hook().hookName()));
    }
}
