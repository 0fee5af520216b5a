package dev.charms.reactive.spi;

/**
 * Supplies handler parameters of the types it supports, the way a JUnit 5 {@code ParameterResolver} does.
 *
 * <p>Call order: before a handler is invoked, the runtime asks every resolver whether it {@link #supports} each
 * parameter type, in declaration order. Exactly one resolver must answer true, or the hook fails with an error
 * naming the handler, the parameter and the resolvers. The runtime then calls {@link #resolve} on that resolver
 * for that parameter, once per invocation. {@code supports} must not have side effects and must give the same
 * answer for the same type during a hook.
 *
 * <p>The runtime's own resolver handles its injectable types ({@code Flags}, {@code Config}, {@code Log}, ...).
 * Layers and charms add resolvers by listing them in
 * {@code META-INF/services/dev.charms.reactive.spi.ParameterResolver}; each needs a public no-argument
 * constructor. The type they resolve must carry {@link dev.charms.reactive.Injectable}.
 */
public interface ParameterResolver {

    /**
     * Whether this resolver supplies parameters of this type.
     *
     * @param type the declared parameter type, never null
     */
    boolean supports(Class<?> type);

    /**
     * Supplies the value for one parameter. Called only after {@link #supports} returned true for the type.
     *
     * @param type the declared parameter type, never null
     * @param context the handler, parameter index, target and hook; never null
     * @return an instance of {@code type}, never null
     */
    Object resolve(Class<?> type, ResolutionContext context);
}
