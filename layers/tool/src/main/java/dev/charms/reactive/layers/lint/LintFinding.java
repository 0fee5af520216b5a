package dev.charms.reactive.layers.lint;

import dev.charms.reactive.layers.proof.Level;
import java.util.Comparator;

/**
 * One lint finding.
 *
 * @param level   how bad it is: an error fails {@code reactive lint} and {@code reactive build}
 * @param rule    the rule's short name, e.g. {@code never-runs}
 * @param handler the handler at fault, {@code SimpleClass.method} (with {@code :<endpoint>} for an endpoint binding)
 * @param flag    the flag concerned; empty when none
 * @param message what is wrong and the fix
 */
public record LintFinding(Level level, String rule, String handler, String flag, String message)
        implements Comparable<LintFinding> {

    private static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::level)
            .thenComparing(LintFinding::handler).thenComparing(LintFinding::flag).thenComparing(LintFinding::rule)
            .thenComparing(LintFinding::message);

    /** {@code E: HelloCharm.start: flag hello.ready: message [never-runs]}, without the flag part when empty. */
    public String format() {
        return level.letter() + ": " + handler + ": " + (flag.isEmpty() ? "" : "flag " + flag + ": ") + message
                + " [" + rule + "]";
    }

    /** Worst level first, then by handler, flag, rule and message. */
    @Override
    public int compareTo(LintFinding other) {
        return ORDER.compare(this, other);
    }
}
