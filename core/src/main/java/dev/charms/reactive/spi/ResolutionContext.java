package dev.charms.reactive.spi;

/** What a {@link ParameterResolver} knows about the parameter it is resolving. Nothing here is null. */
public interface ResolutionContext {

    /** The handler being invoked. */
    HandlerDefinition handler();

    /** The parameter's position, counting from 0. */
    int parameterIndex();

    /** The object the handler is invoked on. */
    Object target();

    /** The running hook. */
    HookContext hook();
}
