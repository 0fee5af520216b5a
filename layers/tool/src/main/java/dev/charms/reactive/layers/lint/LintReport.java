package dev.charms.reactive.layers.lint;

import dev.charms.reactive.layers.proof.Level;
import java.util.List;

/** The findings of one lint, sorted (see {@link LintFinding#compareTo}). */
public record LintReport(List<LintFinding> findings) {

    /** No findings: what a build without lint reports. */
    public static final LintReport NONE = new LintReport(List.of());

    public LintReport {
        findings = findings.stream().sorted().distinct().toList();
    }

    /** How many findings have {@code level}. */
    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /** {@code 1 error, 2 warnings, 0 infos}. */
    public String summary() {
        return Level.summary(findings.stream().map(LintFinding::level).toList());
    }
}
