package dev.charms.reactive.spi;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a handler, from one annotation. A handler runs only if all its conditions hold.
 *
 * @param kind what the values mean
 * @param values flag names, hook patterns, file paths, or the restricted hook name; never null
 * @param hash the digest algorithm for {@link Kind#FILE_CHANGED}, else the empty string
 */
public record Condition(Kind kind, List<String> values, String hash) {

    /** The kinds of condition, each matching one annotation family. */
    public enum Kind {
        /** {@code @When} / {@code @WhenAll}: every flag set. */
        WHEN_ALL,
        /** {@code @WhenAny}: at least one flag set. */
        WHEN_ANY,
        /** {@code @WhenNot} / {@code @WhenNone}: no flag set. */
        WHEN_NONE,
        /** {@code @WhenNotAll}: at least one flag not set. */
        WHEN_NOT_ALL,
        /** {@code @Hook}: the hook name matches a pattern, in the hooks phase. */
        HOOK,
        /** {@code @WhenFileChanged}: a file's hash differs from the one recorded when the handler last ran. */
        FILE_CHANGED,
        /** {@code @OnlyOnce}: the handler has never run in a successful hook. */
        ONLY_ONCE,
        /** {@code @CollectMetrics} / {@code @MeterStatusChanged}: the named restricted hook is running. */
        RESTRICTED_HOOK;

        /** True for the four kinds whose values are flags the dispatcher watches. */
        public boolean watchesFlags() {
            return this == WHEN_ALL || this == WHEN_ANY || this == WHEN_NONE || this == WHEN_NOT_ALL;
        }
    }

    /** Checks and copies the values. */
    public Condition {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        Objects.requireNonNull(hash, "hash");
    }
}
