package dev.charms.reactive.layers.flow;

import java.util.regex.Pattern;

/**
 * A flag name as the analysis found it: a constant, or a name computed at run time, known only by its pattern.
 *
 * @param name     the flag name; for a computed name, its pattern with {@code *} for each part computed at run
 *                 time ({@code *} alone when nothing is known)
 * @param computed whether the name is computed at run time; such names are reported, never guessed
 */
public record FlagRef(String name, boolean computed) implements Comparable<FlagRef> {

    /** The constant flag {@code name}. */
    public static FlagRef named(String name) {
        return new FlagRef(name, false);
    }

    /** A flag computed at run time, matching {@code pattern} ({@code *} for any part). */
    public static FlagRef computed(String pattern) {
        return new FlagRef(pattern, true);
    }

    /** Whether this may be {@code flag}: the same constant, or a computed name whose pattern matches it. */
    public boolean mayBe(String flag) {
        return computed ? glob(name).matcher(flag).matches() : name.equals(flag);
    }

    /** The name, or {@code <computed: pattern>} for a computed one. */
    @Override
    public String toString() {
        return computed ? "<computed: " + name + ">" : name;
    }

    /** Constants first, then by name. */
    @Override
    public int compareTo(FlagRef other) {
        return computed != other.computed ? Boolean.compare(computed, other.computed) : name.compareTo(other.name);
    }

    /** {@code *} matches any non-empty run of characters; everything else matches itself. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
