package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * The errors a validator found, each with its place. Validators add to a report and carry on, so one
 * compilation shows every problem; the processor prints the report at the end of the round.
 */
final class Report {
    private final List<Item> items = new ArrayList<>();

    /** One error and where it points. */
    record Item(Place place, String message) {
    }

    /** Adds the error {@link String#format(String, Object...) format(template, args)} at {@code place}. */
    void error(Place place, String template, Object... args) {
        items.add(new Item(place, String.format(template, args)));
    }

    boolean isClean() {
        return items.isEmpty();
    }

    /** Prints every item as a compiler error, in the order they were found. */
    void print() {
        items.forEach(item -> item.place().print(Diagnostic.Kind.ERROR, item.message()));
    }
}
