package dev.charms.reactive.layers.flow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flags the framework sets by itself in a charm, as patterns ({@code *} for any non-empty part, e.g. a leader
 * setting's key). Built from the charm's {@code config.yaml} and {@code metadata.yaml} when they are known, else
 * from patterns that cover any option and leave {@code {endpoint_name}} as it is.
 */
public final class AutomaticFlags {

    /**
     * One automatic flag, or a family of them.
     *
     * @param pattern the flag, {@code *} standing for any non-empty part
     * @param origin  who sets it and when, for people
     */
    public record Rule(String pattern, String origin) {
    }

    private final List<Rule> rules;
    private final List<Pattern> patterns;

    AutomaticFlags(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.patterns = this.rules.stream().map(r -> FlagRef.glob(r.pattern())).toList();
    }

    /** Every rule, in the order the framework applies them. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule that sets {@code flag}, if the framework sets it. */
    public Optional<Rule> rule(String flag) {
        for (int i = 0; i < rules.size(); i++) {
            if (patterns.get(i).matcher(flag).matches()) {
                return Optional.of(rules.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the framework sets {@code flag}. */
    public boolean sets(String flag) {
        return rule(flag).isPresent();
    }
}
