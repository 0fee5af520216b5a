package dev.charms.reactive.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Decides how many times a handler is bound in a hook runner, and on which object it runs: the seam that runs the
 * handlers of an endpoint class once per endpoint name. The runner asks each binder, in the order they were added,
 * about every handler once, when it is built; the first non-empty answer wins. Without one, a handler is bound once
 * and runs on one fresh instance of its class per hook.
 */
public interface HandlerBinder {

    /**
     * The bindings of one handler.
     *
     * @param handler the handler, never null
     * @param source the index that lists it, never null
     * @return empty to leave the handler to the next binder (or the default); an empty list drops the handler
     */
    Optional<List<Binding>> bindings(HandlerDefinition handler, HandlerIndex source);

    /**
     * One binding of a handler.
     *
     * @param name appended after a colon to the handler's id and display name, e.g. {@code Requires.joined:db};
     *     also keys {@code @OnlyOnce} and file hashes, so each binding has its own; never null
     * @param flagNames rewrites every flag of the handler's conditions, e.g. filling {@code {endpoint_name}}
     * @param target supplies the object the handler runs on in a hook; called at most once per hook and binding
     *     name, must not return null
     */
    record Binding(String name, UnaryOperator<String> flagNames, Function<HookContext, Object> target) {
        /** Checks that nothing is null. */
        public Binding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(flagNames, "flagNames");
            Objects.requireNonNull(target, "target");
        }
    }
}
