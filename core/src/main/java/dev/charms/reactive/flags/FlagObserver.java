package dev.charms.reactive.flags;

/**
 * Told about every flag change, synchronously, in the order they happen. The dispatcher uses it to feed its
 * flag watch and tracer; charm code does not implement it.
 */
public interface FlagObserver {
    /** Observes nothing. */
    FlagObserver NONE = new FlagObserver() {
    };

    /** A flag went from unset to set; called before its set-triggers fire. */
    default void flagSet(String flag) {
    }

    /** A flag went from set to unset; called before its clear-triggers fire. */
    default void flagCleared(String flag) {
    }

    /** {@link Flags#clear} was called, whether or not the flag was set; called after {@link #flagCleared}. */
    default void clearRequested(String flag) {
    }
}
