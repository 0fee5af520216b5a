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
        return Level.summary(findings.stream().map(Finding::level).toList());
    }
}
