package dev.charms.reactive.refresh;

import java.util.Objects;
import java.util.Optional;

/**
 * The health of the workload on one unit, as the charm judges it after installing or refreshing it. A healthy unit
 * lets the next unit refresh; an unhealthy one stops the refresh, shows its {@link #problem()} as its status, and is
 * asked again in every later hook until it is healthy. Immutable.
 */
public final class Health {
    private static final Health HEALTHY = new Health(null);

    private final String problem;

    private Health(String problem) {
        this.problem = problem;
    }

    /** The workload works. */
    public static Health healthy() {
        return HEALTHY;
    }

    /**
     * The workload does not work, because of {@code problem}, in the words of a unit status: e.g.
     * {@code kv-store is not answering on port 7000}.
     *
     * @throws IllegalArgumentException if the problem is blank
     */
    public static Health unhealthy(String problem) {
        Objects.requireNonNull(problem, "problem");
        if (problem.isBlank()) {
            throw new IllegalArgumentException("say what is wrong with an unhealthy workload, e.g."
                    + " Health.unhealthy(\"kv-store is not running\")");
        }
        return new Health(problem);
    }

    /** Whether the workload works. */
    public boolean isHealthy() {
        return problem == null;
    }

    /** What is wrong; empty when healthy. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Health health && Objects.equals(problem, health.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(problem);
    }

    @Override
    public String toString() {
        return problem == null ? "healthy" : "unhealthy: " + problem;
    }
}
