package dev.charms.reactive.processor;

import dev.charms.reactive.Hook;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @Hook}: hook name patterns, with {@code {role:interface}} (role one of provides, requires, peers)
 * and {@code {a,b}} alternatives.
 */
final class HookStep extends AnnotationStep {
    private static final Set<String> ROLES = Set.of("provides", "requires", "peers");

    HookStep() {
        super(Family.HOOK, Hook.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        List<String> patterns = values(annotation, report, Messages.HOOK_EMPTY);
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern.isBlank()) {
                report.error(annotation.atValue("value", i), Messages.HOOK_BLANK);
            } else {
                Optional<String> reason = problem(pattern);
                if (reason.isPresent()) {
                    report.error(annotation.atValue("value", i), Messages.HOOK_MALFORMED, pattern, reason.get());
                }
            }
        }
        handler.addCondition(Model.Condition.of(ConditionKind.HOOK, patterns));
    }

    /** What is wrong with a non-blank {@code pattern}, if anything. */
    static Optional<String> problem(String pattern) {
        return Syntax.whitespace(pattern)
                .or(() -> Syntax.braceProblem(pattern))
                .or(() -> Syntax.braceGroups(pattern).stream()
                        .map(HookStep::groupProblem)
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    private static Optional<String> groupProblem(String group) {
        String braces = "{" + group + "}";
        int colon = group.indexOf(':');
        if (colon >= 0) {
            String role = group.substring(0, colon);
            if (!ROLES.contains(role)) {
                return Optional.of(String.format(Messages.UNKNOWN_ROLE, braces, role));
            }
            return group.substring(colon + 1).isEmpty()
                    ? Optional.of(String.format(Messages.EMPTY_INTERFACE, braces))
                    : Optional.empty();
        }
        boolean emptyAlternative = Arrays.stream(group.split(",", -1)).anyMatch(String::isEmpty);
        return emptyAlternative ? Optional.of(String.format(Messages.EMPTY_ALTERNATIVE, braces)) : Optional.empty();
    }
}
