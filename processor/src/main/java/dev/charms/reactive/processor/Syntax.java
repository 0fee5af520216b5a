package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks shared by flag names and hook patterns: whitespace, and {@code {...}} groups. */
final class Syntax {

    private Syntax() {
    }

    /** {@link Messages#HAS_WHITESPACE} if {@code text} contains whitespace or a control character. */
    static Optional<String> whitespace(String text) {
        boolean bad = text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        return bad ? Optional.of(Messages.HAS_WHITESPACE) : Optional.empty();
    }

    /** Why the braces of {@code text} are wrong (unbalanced or nested), if they are. */
    static Optional<String> braceProblem(String text) {
        boolean open = false;
        for (char c : text.toCharArray()) {
            if (c == '{') {
                if (open) {
                    return Optional.of(Messages.NESTED_BRACES);
                }
                open = true;
            } else if (c == '}') {
                if (!open) {
                    return Optional.of(Messages.UNBALANCED_BRACES);
                }
                open = false;
            }
        }
        return open ? Optional.of(Messages.UNBALANCED_BRACES) : Optional.empty();
    }

    /** What is inside each {@code {...}} of {@code text}, in order; call only when the braces are right. */
    static List<String> braceGroups(String text) {
        List<String> groups = new ArrayList<>();
        int start = text.indexOf('{');
        while (start >= 0) {
            int end = text.indexOf('}', start);
            groups.add(text.substring(start + 1, end));
            start = text.indexOf('{', end);
        }
        return groups;
    }
}
