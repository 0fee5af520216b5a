package dev.charms.reactive.layers.proof;

import java.util.Comparator;

/**
 * One proof finding.
 *
 * @param level   how bad it is
 * @param file    the charm file at fault, relative to the charm directory (e.g. {@code metadata.yaml})
 * @param key     the dotted key path inside the file (e.g. {@code requires.db.scope}); empty for the whole file
 * @param message what is wrong and, where it is not obvious, the fix
 */
public record Finding(Level level, String file, String key, String message) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::level)
            .thenComparing(Finding::file).thenComparing(Finding::key).thenComparing(Finding::message);

    /** {@code E: metadata.yaml: requires.db: message}, without the key part when the key is empty. */
    public String format() {
        return level.letter() + ": " + file + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }

    /** Worst level first, then by file, key and message. */
    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
