package dev.charms.reactive.dispatch;

import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The handlers of a charm, in dispatch order, with the factories that create the objects they run on. Discovery
 * builds it from the {@link HandlerIndex} services (or a reflective scan), already in the deterministic order:
 * layer order base-first, then class name, then declaration order. The dispatcher keeps that order.
 *
 * <p>Checked on construction: two handlers may not share an id, two {@code @Action} handlers (from the same layer
 * or from two) may not serve the same action, and every handler except an {@code @Action} one needs at least one
 * condition (without one, charms.reactive runs it in every iteration until the cap).
 * Immutable.
 */
public final class HandlerSet {
    private final List<HandlerIndex> indexes;

    private HandlerSet(List<HandlerIndex> indexes) {
        this.indexes = List.copyOf(indexes);
        Map<String, HandlerDefinition> seen = new HashMap<>();
        Map<String, HandlerDefinition> actionHandlers = new HashMap<>();
        for (HandlerDefinition handler : definitions()) {
            HandlerDefinition other = seen.putIfAbsent(handler.id(), handler);
            if (other != null) {
                throw new IllegalArgumentException("two handlers have the id " + handler.id()
                        + ": give the methods of " + handler.declaringClass().getName() + " distinct names, or list "
                        + "its handler index once");
            }
            HandlerDefinition first = handler.action().map(a -> actionHandlers.putIfAbsent(a, handler)).orElse(null);
            if (first != null) {
                throw new IllegalArgumentException("action " + handler.action().get() + " has two @Action handlers, "
                        + first.id() + " and " + handler.id() + " (in layer order): Juju runs an action once, so one "
                        + "handler must serve it. Keep one @Action handler and call the other's code from it");
            }
            if (handler.conditions().isEmpty() && handler.action().isEmpty()) {
                throw new IllegalArgumentException("handler " + handler.displayName() + " (" + handler.id()
                        + ") has no condition, so it would run in every iteration of every hook; add @When, @WhenNot, "
                        + "@Hook or another condition");
            }
        }
    }

    /** The handlers of these indexes, index by index, each in its declaration order. */
    public static HandlerSet of(List<? extends HandlerIndex> indexes) {
        return new HandlerSet(List.copyOf(indexes));
    }

    /** The handlers of these indexes, index by index. */
    public static HandlerSet of(HandlerIndex... indexes) {
        return of(List.of(indexes));
    }

    /**
     * The handlers in exactly this order, each invoked on the object {@code factory} creates for its declaring
     * class (once per class and dispatch).
     */
    public static HandlerSet ofDefinitions(List<HandlerDefinition> handlers, Function<Class<?>, Object> factory) {
        Objects.requireNonNull(factory, "factory");
        List<HandlerIndex> indexes = new ArrayList<>();
        for (HandlerDefinition handler : handlers) {
            indexes.add(new SingleHandler(handler, factory));
        }
        return new HandlerSet(indexes);
    }

    /** The indexes, in order. */
    public List<HandlerIndex> indexes() {
        return indexes;
    }

    /** Every handler, in dispatch order. */
    public List<HandlerDefinition> definitions() {
        List<HandlerDefinition> all = new ArrayList<>();
        for (HandlerIndex index : indexes) {
            all.addAll(index.handlers());
        }
        return all;
    }

    /** Each handler with the index that creates its target, in dispatch order. */
    Map<HandlerDefinition, HandlerIndex> byHandler() {
        Map<HandlerDefinition, HandlerIndex> map = new LinkedHashMap<>();
        for (HandlerIndex index : indexes) {
            for (HandlerDefinition handler : index.handlers()) {
                map.put(handler, index);
            }
        }
        return map;
    }

    private record SingleHandler(HandlerDefinition handler, Function<Class<?>, Object> factory)
            implements HandlerIndex {
        @Override
        public Class<?> handlerClass() {
            return handler.declaringClass();
        }

        @Override
        public Object newInstance() {
            return factory.apply(handler.declaringClass());
        }

        @Override
        public List<HandlerDefinition> handlers() {
            return List.of(handler);
        }
    }
}
