package dev.charms.reactive.processor;

import javax.tools.Diagnostic;

/**
 * Where a diagnostic points: an element, one of its annotations, or one value of that annotation. A place
 * prints a message at itself.
 */
interface Place {

    /** Prints {@code message} with {@code kind} at this place. */
    void print(Diagnostic.Kind kind, String message);
}
