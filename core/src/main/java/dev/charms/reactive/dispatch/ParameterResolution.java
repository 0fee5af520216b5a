package dev.charms.reactive.dispatch;

import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Chooses, once per handler parameter, the one resolver that supports its type, and resolves it per invocation. */
final class ParameterResolution {
    private final List<ParameterResolver> resolvers;
    private final Map<HandlerDefinition, ParameterResolver[]> chosen = new HashMap<>();

    ParameterResolution(List<ParameterResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    Object[] resolve(HandlerDefinition handler, Object target, HookContext hook) {
        ParameterResolver[] forHandler = chosen.computeIfAbsent(handler, this::choose);
        Object[] args = new Object[forHandler.length];
        for (int i = 0; i < args.length; i++) {
            Class<?> type = handler.parameterTypes().get(i);
            Object value;
            try {
                value = forHandler[i].resolve(type, new Context(handler, i, target, hook));
            } catch (RuntimeException e) {
                throw new ParameterResolutionException(describe(handler, i) + ": " + name(forHandler[i]) + " failed: "
                        + e.getMessage(), e);
            }
            if (!type.isInstance(value)) {
                throw new ParameterResolutionException(describe(handler, i) + ": " + name(forHandler[i])
                        + " returned " + (value == null ? "null" : "a " + value.getClass().getName())
                        + "; a resolver must return an instance of the type it supports", null);
            }
            args[i] = value;
        }
        return args;
    }

    private ParameterResolver[] choose(HandlerDefinition handler) {
        List<Class<?>> types = handler.parameterTypes();
        ParameterResolver[] result = new ParameterResolver[types.size()];
        for (int i = 0; i < result.length; i++) {
            Class<?> type = types.get(i);
            List<ParameterResolver> supporting = new ArrayList<>();
            for (ParameterResolver resolver : resolvers) {
                if (resolver.supports(type)) {
                    supporting.add(resolver);
                }
            }
            if (supporting.isEmpty()) {
                throw new ParameterResolutionException(describe(handler, i) + ": no ParameterResolver supports "
                        + type.getName() + " (resolvers: " + names(resolvers) + "). Take one of the framework's "
                        + "@Injectable types, or register a resolver for it in "
                        + "META-INF/services/dev.charms.reactive.spi.ParameterResolver", null);
            }
            if (supporting.size() > 1) {
                throw new ParameterResolutionException(describe(handler, i) + ": " + supporting.size()
                        + " resolvers support " + type.getName() + ": " + names(supporting)
                        + ". Exactly one may; remove the others from META-INF/services", null);
            }
            result[i] = supporting.get(0);
        }
        return result;
    }

    private static String describe(HandlerDefinition handler, int index) {
        return "cannot resolve parameter " + index + " (" + handler.parameterTypes().get(index).getSimpleName()
                + ") of handler " + handler.displayName() + " (" + handler.id() + ")";
    }

    private static String names(List<ParameterResolver> resolvers) {
        return resolvers.stream().map(ParameterResolution::name).collect(Collectors.joining(", "));
    }

    private static String name(ParameterResolver resolver) {
        return resolver.getClass().getName();
    }

    private record Context(HandlerDefinition handler, int parameterIndex, Object target, HookContext hook)
            implements ResolutionContext {
    }
}
