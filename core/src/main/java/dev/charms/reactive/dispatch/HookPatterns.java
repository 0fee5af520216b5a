package dev.charms.reactive.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands and matches {@code @Hook} patterns as charms.reactive's {@code any_hook} does.
 *
 * <p>First every {@code {role:interface}} becomes one pattern per relation of that role and interface (a pattern
 * with no such relation disappears); then every {@code {a,b,...}} becomes one pattern per alternative. Each
 * replacement substitutes the leftmost occurrence, and repeats until none is left, so {@code {a,b}{c,d}} gives
 * all four combinations. A hook matches when it equals one expansion exactly.
 */
public final class HookPatterns {
    private HookPatterns() {
    }

    /** Every hook name the patterns stand for, in expansion order, without duplicates. */
    public static Set<String> expand(List<String> patterns, List<RelationDeclaration> relations) {
        if (!hasBraces(patterns)) {
            return new LinkedHashSet<>(patterns);
        }
        List<String> byRelation = replaceAll(patterns, Syntax.ROLE_INTERFACE,
                m -> relations.stream()
                        .filter(r -> r.role().key().equals(m.group(1)) && r.interfaceName().equals(m.group(2)))
                        .map(RelationDeclaration::name)
                        .toList());
        return new LinkedHashSet<>(replaceAll(byRelation, Syntax.ALTERNATIVES,
                m -> List.of(m.group(1).split(",", -1))));
    }

    /** True when {@code hook} equals one expansion of the patterns. */
    public static boolean matches(String hook, List<String> patterns, List<RelationDeclaration> relations) {
        return expand(patterns, relations).contains(hook);
    }

    private static boolean hasBraces(List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.indexOf('{') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The braces of patterns, compiled only when a pattern has some: most {@code @Hook}s name plain hooks. */
    private static final class Syntax {
        static final Pattern ROLE_INTERFACE = Pattern.compile("\\{([^:}]++):([^}]++)}");
        static final Pattern ALTERNATIVES = Pattern.compile("\\{([^:,}]++(?:,[^:,}]++)*+,?)}");
    }

    private static List<String> replaceAll(List<String> values, Pattern pattern,
            Function<Matcher, List<String>> replacements) {
        List<String> current = List.copyOf(values);
        while (current.stream().anyMatch(v -> pattern.matcher(v).find())) {
            List<String> next = new ArrayList<>();
            for (String value : current) {
                Matcher m = pattern.matcher(value);
                if (!m.find()) {
                    next.add(value);
                    continue;
                }
                for (String replacement : replacements.apply(m)) {
                    next.add(value.substring(0, m.start()) + replacement + value.substring(m.end()));
                }
            }
            current = next;
        }
        return current;
    }
}
