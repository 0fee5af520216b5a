package dev.charms.reactive.dispatch;

/** Carries a handler's exception, with the handler's name, out of the dispatch to the hook runner. */
final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String handler;

    HandlerFailure(String handler, Throwable cause) {
        super("handler " + handler + " failed: " + cause, cause);
        this.handler = handler;
    }

    String handler() {
        return handler;
    }
}
