package dev.charms.reactive.spi;

/** Calls one handler method directly, without reflection. Generated code supplies it as a lambda. */
@FunctionalInterface
public interface Invoker {

    /**
     * Invokes the handler.
     *
     * @param target the object from {@link HandlerIndex#newInstance()}, never null
     * @param args the resolved parameters, in declaration order, never null
     * @throws Exception whatever the handler throws; the dispatch then fails and the hook rolls back
     */
    void invoke(Object target, Object[] args) throws Exception;
}
