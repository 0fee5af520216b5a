package dev.charms.reactive.juju;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hook environment is missing a variable or has one that cannot be right. Every problem found is listed,
 * each naming the variable, its value and what was expected, so one run shows everything to fix.
 */
public class HookEnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem with one variable.
     *
     * @param variable the variable's name, such as {@code JUJU_UNIT_NAME}; never null
     * @param value its value, empty when it is missing (or set to the empty string)
     * @param expected what it should have been, for people; never null
     */
    public record Problem(String variable, Optional<String> value, String expected) {
        /** Checks the parts. */
        public Problem {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expected, "expected");
        }

        @Override
        public String toString() {
            return value.map(v -> variable + " is \"" + v + "\"").orElse(variable + " is not set")
                    + ": expected " + expected;
        }
    }

    private final List<Problem> problems;

    /** @param problems what is wrong, at least one */
    public HookEnvironmentException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a HookEnvironmentException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "bad hook environment: " + problems.get(0)
                    + ". Is this running inside a Juju hook, through the charm's dispatch script?";
        }
        return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n",
                "bad hook environment, " + problems.size() + " problems:\n",
                "\nIs this running inside a Juju hook, through the charm's dispatch script?"));
    }

    /** Every problem found, in the order the variables were checked; never empty. */
    public List<Problem> problems() {
        return problems;
    }
}
