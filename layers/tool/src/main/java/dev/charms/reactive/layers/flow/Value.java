package dev.charms.reactive.layers.flow;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the bytecode interpreter knows about one stack slot or local variable: nothing, one of a few string
 * constants, or one of the objects it follows (a trigger builder, a trigger, an array of strings).
 */
sealed interface Value {

    /** At most this many constants are tracked for one value (e.g. the arms of nested conditionals). */
    int MAX_CONSTANTS = 8;

    /** Nothing known: a primitive, an object not followed, or a string computed at run time. */
    Value UNKNOWN = new Unknown("*");

    /** The string constant {@code text}. */
    static Value of(String text) {
        return new Strings(new TreeSet<>(List.of(text)));
    }

    /** The least value that covers both: equal values stay, constants unite, anything else is unknown. */
    static Value merge(Value a, Value b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof Strings x && b instanceof Strings y) {
            SortedSet<String> all = new TreeSet<>(x.values());
            all.addAll(y.values());
            return all.size() <= MAX_CONSTANTS ? new Strings(all) : UNKNOWN;
        }
        if (a instanceof Unknown x && b instanceof Unknown y && x.pattern().equals(y.pattern())) {
            return a;
        }
        return UNKNOWN;
    }

    /** The pattern a string value may match: its constants, or a run-time pattern ({@code *} for any part). */
    default String describe() {
        return "?";
    }

    /**
     * A string, or any value, known only by its shape.
     *
     * @param pattern the string with {@code *} for each part computed at run time; {@code *} when nothing is known
     */
    record Unknown(String pattern) implements Value {
        @Override
        public String describe() {
            return pattern;
        }
    }

    /** One of these string constants, sorted; never empty. */
    record Strings(SortedSet<String> values) implements Value {
        public Strings {
            values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
        }

        @Override
        public String describe() {
            return String.join("|", values);
        }
    }

    /** A {@code Trigger.Builder} made at {@code site}, whose calls the interpreter records. */
    record Builder(String site) implements Value {
    }

    /** The {@code Trigger} a builder made at {@code site} built. */
    record Built(String site) implements Value {
    }

    /** A {@code String[]} made at {@code site} (varargs of the flag reads), whose stored elements are recorded. */
    record StringArray(String site) implements Value {
    }
}
