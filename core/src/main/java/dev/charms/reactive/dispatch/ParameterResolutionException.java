package dev.charms.reactive.dispatch;

/**
 * A handler parameter could not be supplied: no {@link dev.charms.reactive.spi.ParameterResolver} supports its type,
 * several do, or the chosen one failed. The message names the handler, the parameter and the resolvers.
 */
public final class ParameterResolutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParameterResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
