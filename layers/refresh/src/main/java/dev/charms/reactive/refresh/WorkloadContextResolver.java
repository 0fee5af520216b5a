package dev.charms.reactive.refresh;

import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;

/**
 * Gives handlers the hook's {@link WorkloadContext}; listed in {@code META-INF/services} so the runtime finds it. Not
 * for charm code.
 */
public final class WorkloadContextResolver implements ParameterResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == WorkloadContext.class;
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        return context.hook().hookScoped(WorkloadContext.class, WorkloadContext::new);
    }
}
