package dev.charms.reactive.layers.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gitignore-style patterns, as used by layer.yaml's {@code exclude} and {@code ignore} and by
 * {@code .jujuignore}: {@code *}, {@code ?}, {@code [abc]}, {@code **}; a leading {@code /} or a {@code /} inside
 * the pattern anchors it to the layer root, otherwise it matches at any depth; a trailing {@code /} matches
 * directories only; {@code !} re-includes; the last matching pattern decides; blank lines and {@code #} comments
 * are skipped. As in git, a file inside an excluded directory cannot be re-included.
 */
public final class IgnoreRules {

    /** Rules that match nothing. */
    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Compiles gitignore-style {@code patterns}. */
    public static IgnoreRules of(List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String pattern : patterns) {
            String trimmed = pattern.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                rules.add(Rule.compile(trimmed));
            }
        }
        return new IgnoreRules(List.copyOf(rules));
    }

    /** These rules followed by {@code other}'s (so {@code other} decides where both match). */
    public IgnoreRules and(IgnoreRules other) {
        if (other.rules.isEmpty()) {
            return this;
        }
        List<Rule> combined = new ArrayList<>(rules);
        combined.addAll(other.rules);
        return new IgnoreRules(List.copyOf(combined));
    }

    /**
     * Whether the relative {@code path} is matched, either itself or through one of its parent directories.
     *
     * @param directory whether {@code path} names a directory
     */
    public boolean matches(String path, boolean directory) {
        if (rules.isEmpty()) {
            return false;
        }
        int slash = path.indexOf('/');
        while (slash > 0) {
            if (decides(path.substring(0, slash), true)) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return decides(path, directory);
    }

    private boolean decides(String path, boolean directory) {
        boolean matched = false;
        for (Rule rule : rules) {
            if ((directory || !rule.directoryOnly) && rule.regex.matcher(path).matches()) {
                matched = !rule.negated;
            }
        }
        return matched;
    }

    private record Rule(Pattern regex, boolean negated, boolean directoryOnly) {

        static Rule compile(String pattern) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            boolean directoryOnly = body.endsWith("/");
            if (directoryOnly) {
                body = body.substring(0, body.length() - 1);
            }
            boolean anchored = body.startsWith("/") || body.contains("/");
            if (body.startsWith("/")) {
                body = body.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + translate(body);
            return new Rule(Pattern.compile(regex), negated, directoryOnly);
        }

        private static String translate(String glob) {
            StringBuilder regex = new StringBuilder();
            int i = 0;
            while (i < glob.length()) {
                char c = glob.charAt(i);
                if (glob.startsWith("**/", i) && (i == 0 || glob.charAt(i - 1) == '/')) {
                    regex.append("(?:.*/)?");
                    i += 3;
                } else if (glob.startsWith("**", i)) {
                    regex.append(".*");
                    i += 2;
                } else if (c == '*') {
                    regex.append("[^/]*");
                    i++;
                } else if (c == '?') {
                    regex.append("[^/]");
                    i++;
                } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                    int end = glob.indexOf(']', i + 2);
                    String set = glob.substring(i + 1, end).replaceAll("([\\\\\\[&])", "\\\\$1");
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end + 1;
                } else if (c == '\\' && i + 1 < glob.length()) {
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                    i += 2;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
            return regex.toString();
        }
    }
}
