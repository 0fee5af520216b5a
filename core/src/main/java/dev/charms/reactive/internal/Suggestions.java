package dev.charms.reactive.internal;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" hints for misspelt names: options, endpoints, layers, interfaces. Internal to the framework. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code wrong} by edit distance, when it is at most a third of the name's length
     * away (at least one edit). Ties go to the candidate that comes first.
     */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Math.max(1, wrong.length() / 3) + 1;
        for (String candidate : candidates) {
            int distance = distance(wrong, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " (did you mean 'x'?)"}, or the empty string when nothing is close. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** The Levenshtein distance between two names. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
