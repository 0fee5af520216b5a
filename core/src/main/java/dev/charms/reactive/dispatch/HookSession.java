package dev.charms.reactive.dispatch;

import dev.charms.reactive.flags.FlagObserver;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.state.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one hook works on: its unit state, flags, injectable services, the flag watch and phase of its
 * dispatch, and the handler targets created so far. Feeds flag changes to the watch and the tracer.
 */
final class HookSession implements HookContext, FlagObserver {
    private final String hookName;
    private final boolean restricted;
    private final boolean action;
    private final JujuBackend backend;
    private final UnitState state;
    private final Log log;
    private final FileDigests digests;
    private final Flags flags;
    private final FlagWatch watch = new FlagWatch();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final Map<Class<?>, Supplier<?>> lazyServices;
    private final Map<Class<?>, Object> scoped = new HashMap<>();
    private final Map<Object, Object> targets = new HashMap<>();
    private final List<String> invoked = new ArrayList<>();
    private Tracer tracer = Tracer.NONE;
    private Phase phase;
    private boolean removedState;

    HookSession(String hookName, boolean restricted, boolean action, JujuBackend backend, UnitState state, Log log,
            FileDigests digests, Map<Class<?>, Supplier<?>> lazyServices) {
        this.hookName = hookName;
        this.restricted = restricted;
        this.action = action;
        this.lazyServices = lazyServices;
        this.backend = backend;
        this.state = state;
        this.log = log;
        this.digests = digests;
        this.flags = new Flags(state, this);
        services.put(Flags.class, flags);
        services.put(Log.class, log);
    }

    <T> void addService(Class<T> type, T service) {
        services.put(type, Objects.requireNonNull(service));
    }

    void tracer(Tracer tracer) {
        this.tracer = tracer;
    }

    Tracer tracer() {
        return tracer;
    }

    FlagWatch watch() {
        return watch;
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    /** True when a flag was cleared since the last call; resets the marker. */
    boolean takeRemovedState() {
        boolean removed = removedState;
        removedState = false;
        return removed;
    }

    Optional<String> digest(String file, String algorithm) {
        return digests.digest(file, algorithm);
    }

    Object target(Handler handler) {
        return target(handler.targetKey, handler.target, handler.displayName + " ("
                + handler.source.handlerClass().getName() + ")");
    }

    /**
     * The object handlers keyed {@code key} run on in this hook, created with {@code factory} on first use; also what
     * {@link CharmImplementations} hands out for a handler class, so both see one instance.
     */
    Object target(Object key, Function<HookContext, Object> factory, String description) {
        return targets.computeIfAbsent(key, k -> Objects.requireNonNull(factory.apply(this),
                () -> "the target of " + description + " is null"));
    }

    void invoked(Handler handler) {
        invoked.add(handler.displayName);
    }

    List<String> invoked() {
        return List.copyOf(invoked);
    }

    @Override
    public void flagSet(String flag) {
        tracer.flagSet(flag);
        watch.change(flag);
    }

    @Override
    public void flagCleared(String flag) {
        tracer.flagCleared(flag);
        watch.change(flag);
    }

    @Override
    public void clearRequested(String flag) {
        removedState = true;
    }

    @Override
    public String hookName() {
        return hookName;
    }

    @Override
    public boolean restricted() {
        return restricted;
    }

    @Override
    public boolean action() {
        return action;
    }

    @Override
    public JujuBackend backend() {
        return backend;
    }

    @Override
    public UnitState state() {
        return state;
    }

    @Override
    public Flags flags() {
        return flags;
    }

    @Override
    public Log log() {
        return log;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        Object service = services.get(type);
        if (service == null && lazyServices.containsKey(type)) {
            service = Objects.requireNonNull(lazyServices.get(type).get(), () -> "the factory of " + type.getName()
                    + " given to HookRunner.Builder.service returned null");
            services.put(type, service);
        }
        return Optional.ofNullable(service).map(type::cast);
    }

    @Override
    public <T> T hookScoped(Class<T> type, Function<HookContext, T> factory) {
        Object existing = scoped.get(type);
        if (existing == null) {
            existing = Objects.requireNonNull(factory.apply(this), () -> "factory for " + type.getName() + " returned null");
            scoped.put(type, existing);
        }
        return type.cast(existing);
    }
}
