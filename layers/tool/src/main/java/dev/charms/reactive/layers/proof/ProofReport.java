package dev.charms.reactive.layers.proof;

import java.util.List;

/** The findings of one proof, sorted (see {@link Finding#compareTo}). */
public record ProofReport(List<Finding> findings) {

    public ProofReport {
        findings = findings.stream().sorted().toList();
    }

    /** How many findings have {@code level}. */
    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /** {@code 1 error, 2 warnings, 0 infos}. */
    public String summary() {
        return plural(count(Level.ERROR), "error") + ", " + plural(count(Level.WARNING), "warning") + ", "
                + plural(count(Level.INFO), "info");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
