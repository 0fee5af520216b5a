package dev.charms.reactive.endpoints;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.spi.HandlerBinder;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.spi.HookExtension;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Wires endpoints into a {@link HookRunner}: finds the endpoint classes of a charm (handler classes that extend
 * {@link Endpoint}, and {@code Endpoint} subclasses handlers take as parameters), binds each to the relations of
 * {@code metadata.yaml} its {@link EndpointInterface} names, and then, as the runner's
 * <ul>
 *   <li>{@link HandlerBinder}: binds each handler of an endpoint class once per endpoint name, id and display name
 *       suffixed {@code :<name>}, {@code {endpoint_name}} in its flags replaced; with no such relation the handlers
 *       are not registered at all;</li>
 *   <li>{@link HookExtension}: creates the endpoint instances at the start of each hook, manages departed units and
 *       the automatic {@code endpoint.*} flags, and publishes modified relation data when the hook succeeds;</li>
 *   <li>{@link ParameterResolver}: hands handlers {@link Endpoints}, or an endpoint: the handler's own instance when
 *       it is of the asked type, else the only instance of that type.</li>
 * </ul>
 * <pre>{@code
 * HookRunner runner = EndpointSupport.of(handlers, relations, EndpointEnvironment.of(hookEnvironment))
 *         .install(HookRunner.builder(handlers).relations(relations))
 *         .build();
 * }</pre>
 * Immutable; build one per hook environment.
 */
public final class EndpointSupport implements HandlerBinder, HookExtension, ParameterResolver {
    private final SortedMap<String, Class<? extends Endpoint>> classes;
    private final Map<String, Supplier<Endpoint>> factories;
    private final EndpointEnvironment environment;

    private EndpointSupport(SortedMap<String, Class<? extends Endpoint>> classes,
            Map<String, Supplier<Endpoint>> factories, EndpointEnvironment environment) {
        this.classes = Collections.unmodifiableSortedMap(classes);
        this.factories = Map.copyOf(factories);
        this.environment = environment;
    }

    /**
     * Binds the endpoint classes of {@code handlers} to {@code relations}.
     *
     * @throws IllegalArgumentException listing every endpoint class without {@link EndpointInterface} and every
     *     relation two endpoint classes claim
     */
    public static EndpointSupport of(HandlerSet handlers, List<RelationDeclaration> relations,
            EndpointEnvironment environment) {
        Map<Class<? extends Endpoint>, Supplier<Endpoint>> candidates = new LinkedHashMap<>();
        for (HandlerIndex index : handlers.indexes()) {
            endpointClass(index.handlerClass()).ifPresent(type -> candidates.put(type, () -> type.cast(index.newInstance())));
        }
        for (HandlerDefinition handler : handlers.definitions()) {
            handler.parameterTypes().stream().flatMap(p -> endpointClass(p).stream())
                    .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                    .forEach(type -> candidates.putIfAbsent(type, constructor(type)));
        }
        List<String> problems = new ArrayList<>();
        SortedMap<String, Class<? extends Endpoint>> classes = new TreeMap<>();
        Map<String, Supplier<Endpoint>> factories = new LinkedHashMap<>();
        candidates.forEach((type, factory) -> {
            EndpointInterface binding = type.getAnnotation(EndpointInterface.class);
            if (binding == null) {
                problems.add(type.getName() + " extends Endpoint but has no @EndpointInterface: annotate it with"
                        + " @EndpointInterface(value = \"<interface>\", role = PROVIDES, REQUIRES or PEERS) to say"
                        + " which relations of metadata.yaml it implements");
                return;
            }
            for (RelationDeclaration relation : relations) {
                if (relation.role().name().equals(binding.role().name())
                        && relation.interfaceName().equals(binding.value())) {
                    Class<? extends Endpoint> other = classes.putIfAbsent(relation.name(), type);
                    if (other != null) {
                        problems.add("relation " + relation.name() + " (" + relation.role().key() + " "
                                + binding.value() + ") is implemented by both " + other.getName() + " and "
                                + type.getName() + ": keep one of them on the class path");
                    } else {
                        factories.put(relation.name(), factory);
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot bind the endpoint classes:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new EndpointSupport(classes, factories, environment);
    }

    /** Adds this as the builder's binder, extension and resolver; returns the builder. */
    public HookRunner.Builder install(HookRunner.Builder builder) {
        return builder.binder(this).extension(this).resolver(this);
    }

    /** The endpoint class of each endpoint name, sorted by name. */
    public SortedMap<String, Class<? extends Endpoint>> endpointClasses() {
        return classes;
    }

    @Override
    public Optional<List<Binding>> bindings(HandlerDefinition handler, HandlerIndex source) {
        if (endpointClass(source.handlerClass()).isEmpty()) {
            return Optional.empty();
        }
        List<Binding> bindings = new ArrayList<>();
        classes.forEach((name, type) -> {
            if (type == source.handlerClass()) {
                bindings.add(new Binding(name, flag -> flag.replace("{endpoint_name}", name),
                        hook -> endpoints(hook).fromName(name).orElseThrow()));
            }
        });
        return Optional.of(bindings);
    }

    @Override
    public void atStart(HookContext hook) {
        endpoints(hook).startup();
    }

    @Override
    public void publish(HookContext hook) {
        endpoints(hook).publish();
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == Endpoints.class || Endpoint.class.isAssignableFrom(type);
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        Endpoints endpoints = endpoints(context.hook());
        if (type == Endpoints.class) {
            return endpoints;
        }
        if (type.isInstance(context.target())) {
            return context.target();
        }
        List<Endpoint> matching = endpoints.all().stream().filter(type::isInstance).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            EndpointInterface binding = type.getAnnotation(EndpointInterface.class);
            throw new IllegalStateException("no endpoint is a " + type.getName() + ": metadata.yaml declares no"
                    + " relation " + (binding == null ? "it implements"
                            : "with role " + binding.role().name().toLowerCase(java.util.Locale.ROOT)
                                    + " and interface " + binding.value())
                    + "; declare one, or take Endpoints and use fromName()");
        }
        throw new IllegalStateException("several endpoints are a " + type.getName() + ": "
                + matching.stream().map(Endpoint::endpointName).toList() + "; take Endpoints and call"
                + " endpoints.get(\"<name>\", " + type.getSimpleName() + ".class) to choose one");
    }

    private Endpoints endpoints(HookContext hook) {
        return hook.hookScoped(Endpoints.class, h -> new Endpoints(h, environment, factories));
    }

    private static Optional<Class<? extends Endpoint>> endpointClass(Class<?> type) {
        return Endpoint.class.isAssignableFrom(type) && type != Endpoint.class
                ? Optional.of(type.asSubclass(Endpoint.class))
                : Optional.empty();
    }

    /** Creates an endpoint class that has no handler index (no handlers) with its constructor without parameters. */
    private static Supplier<Endpoint> constructor(Class<? extends Endpoint> type) {
        return () -> {
            try {
                return (Endpoint) MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                        .findConstructor(type, MethodType.methodType(void.class)).invoke();
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("cannot create endpoint class " + type.getName() + ": it needs a"
                        + " constructor without parameters the runtime can call (" + e.getMessage() + ")", e);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("the constructor of " + type.getName() + " threw " + t, t);
            }
        };
    }
}
