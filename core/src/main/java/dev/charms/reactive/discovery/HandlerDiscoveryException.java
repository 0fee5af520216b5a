package dev.charms.reactive.discovery;

/**
 * The charm's handlers could not be found or used: a handler index that does not load, or (without the
 * annotation processor) a handler class the runtime cannot instantiate or call. The message names the class,
 * method or file at fault and the fix.
 */
public class HandlerDiscoveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerDiscoveryException(String message) {
        super(message);
    }

    HandlerDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
