package dev.charms.reactive.layers.proof;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the rules, for one charm. */
final class Findings {

    private final List<Finding> findings = new ArrayList<>();

    void error(String file, String key, String message) {
        findings.add(new Finding(Level.ERROR, file, key, message));
    }

    void warning(String file, String key, String message) {
        findings.add(new Finding(Level.WARNING, file, key, message));
    }

    void info(String file, String key, String message) {
        findings.add(new Finding(Level.INFO, file, key, message));
    }

    ProofReport report() {
        return new ProofReport(findings);
    }
}
