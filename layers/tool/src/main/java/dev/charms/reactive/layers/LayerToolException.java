package dev.charms.reactive.layers;

/**
 * A problem the user can fix: a bad layer.yaml, a missing layer, a malformed YAML file, a path that escapes the
 * charm; for {@code reactive upgrade}, a model not ready for the upgrade or a step that found something wrong. The
 * message names the file (and where known the line, key or option), or the unit or application, and the fix; the
 * command line prints it as is, without a stack trace.
 */
public class LayerToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which must name what is at fault. Never null. */
    public LayerToolException(String message) {
        super(message);
    }

    /** A problem caused by {@code cause}; {@code message} must still say what is at fault. */
    public LayerToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
