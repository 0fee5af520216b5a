package dev.charms.reactive.spi;

import java.util.List;

/**
 * The handlers of one class, as the annotation processor generated them. Implementations are listed in
 * {@code META-INF/services/dev.charms.reactive.spi.HandlerIndex} and loaded with
 * {@link java.util.ServiceLoader}; the processor names each one {@code <HandlerClass>_ReactiveHandlers}, in
 * the handler class's package.
 */
public interface HandlerIndex {

    /** The class whose annotated methods this index lists. Never null. */
    Class<?> handlerClass();

    /**
     * Creates the object the handlers are invoked on. Called once per dispatch for a plain handler class, and
     * once per endpoint name for an endpoint class. Never returns null.
     */
    Object newInstance();

    /** The handlers, in declaration order. Never null; empty only for a class with no handlers. */
    List<HandlerDefinition> handlers();
}
