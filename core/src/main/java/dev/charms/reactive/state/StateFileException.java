package dev.charms.reactive.state;

import java.nio.file.Path;

/**
 * The unit state file could not be read or written. The message names the file and says what to do; a file
 * that is corrupt or from a newer runtime is never reset behind the operator's back.
 */
public class StateFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    StateFileException(Path path, String message) {
        super(message);
        this.path = path;
    }

    StateFileException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The state file at fault, absolute; never null. */
    public Path path() {
        return path;
    }
}
