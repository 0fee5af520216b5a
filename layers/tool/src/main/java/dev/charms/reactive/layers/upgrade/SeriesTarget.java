package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.layers.LayerToolException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine whose operating system is to be upgraded, and to what.
 *
 * @param machine the machine id, such as {@code 1}; never null
 * @param base the base, such as {@code ubuntu@24.04}; never null
 */
public record SeriesTarget(String machine, String base) {
    private static final Pattern SPEC = Pattern.compile("(\\d+(?:/[a-z]+/\\d+)?)=([a-z]+@\\d+\\.\\d+)");

    /** Checks the parts. */
    public SeriesTarget {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(base, "base");
    }

    /**
     * Reads {@code MACHINE=BASE}, such as {@code 1=ubuntu@24.04}.
     *
     * @throws LayerToolException if {@code spec} is not of that form
     */
    public static SeriesTarget parse(String spec) {
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches()) {
            throw new LayerToolException("'" + spec + "': expected MACHINE=BASE, such as"
                    + " 1=ubuntu@24.04 (a base, not a series name such as noble)");
        }
        return new SeriesTarget(matcher.group(1), matcher.group(2));
    }

    /** The version part of the base: {@code 24.04}. */
    public String version() {
        return base.substring(base.indexOf('@') + 1);
    }
}
