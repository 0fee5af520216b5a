package dev.charms.reactive.dispatch;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Resolves a parameter whose type is an {@link Injectable} interface that the charm implements: how a layer asks the
 * charm for code, e.g. the refresh layer's {@code RefreshWorkload}. The implementation is, in this order:
 * <ol>
 *   <li>the one plain handler class of the charm (not an endpoint class) that implements the interface: the
 *       parameter receives the object that class's own handlers run on in this hook;</li>
 *   <li>else the one class listed in {@code META-INF/services/<interface name>} on the runner's service class loader,
 *       created once per hook with its constructor without parameters: for an implementation without handlers,
 *       which the annotation processor does not index.</li>
 * </ol>
 * Two implementing handler classes, or two listed classes, fail the hook with both names.
 */
final class CharmImplementations implements ParameterResolver {
    private final List<HandlerIndex> plainClasses;
    private final ClassLoader serviceLoader;
    private final Map<Class<?>, List<HandlerIndex>> handlerClasses = new HashMap<>();
    private final Map<Class<?>, List<ServiceLoader.Provider<?>>> listed = new HashMap<>();

    /**
     * @param plainClasses the indexes of the handler classes whose handlers run on one instance per hook
     * @param serviceLoader where to look for {@code META-INF/services} lists; null to look nowhere
     */
    CharmImplementations(List<HandlerIndex> plainClasses, ClassLoader serviceLoader) {
        this.plainClasses = List.copyOf(plainClasses);
        this.serviceLoader = serviceLoader;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type.isInterface() && injectable(type)
                && (!handlerClasses(type).isEmpty() || !listed(type).isEmpty());
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        List<HandlerIndex> implementing = handlerClasses(type);
        if (implementing.size() > 1) {
            throw new IllegalStateException("several handler classes implement " + type.getName() + ": "
                    + implementing.stream().map(i -> i.handlerClass().getName()).collect(Collectors.joining(", "))
                    + "; a charm provides one implementation, so keep the interface on one of them");
        }
        if (implementing.size() == 1) {
            HandlerIndex index = implementing.get(0);
            return ((HookSession) context.hook()).target(index.handlerClass(), hook -> index.newInstance(),
                    index.handlerClass().getName());
        }
        List<ServiceLoader.Provider<?>> providers = listed(type);
        if (providers.size() > 1) {
            throw new IllegalStateException("META-INF/services/" + type.getName() + " lists several classes: "
                    + providers.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "))
                    + "; list the charm's one implementation");
        }
        return instance(type, providers.get(0), context);
    }

    /** One instance of the listed class per hook. */
    private static <T> T instance(Class<T> type, ServiceLoader.Provider<?> provider, ResolutionContext context) {
        return context.hook().hookScoped(type, hook -> type.cast(provider.get()));
    }

    private List<HandlerIndex> handlerClasses(Class<?> type) {
        return handlerClasses.computeIfAbsent(type, t -> plainClasses.stream()
                .filter(index -> t.isAssignableFrom(index.handlerClass())).toList());
    }

    private List<ServiceLoader.Provider<?>> listed(Class<?> type) {
        return listed.computeIfAbsent(type, t -> serviceLoader == null ? List.of()
                : ServiceLoader.load(t, serviceLoader).stream().<ServiceLoader.Provider<?>>map(p -> p).toList());
    }

    /** Whether the interface, or an interface it extends, carries {@link Injectable}. */
    private static boolean injectable(Class<?> type) {
        return type.isAnnotationPresent(Injectable.class)
                || Arrays.stream(type.getInterfaces()).anyMatch(CharmImplementations::injectable);
    }
}
