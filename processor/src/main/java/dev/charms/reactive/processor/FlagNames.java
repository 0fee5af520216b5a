package dev.charms.reactive.processor;

import java.util.List;
import java.util.Optional;

/** The syntax of flag names: dot-separated words, with {@code {endpoint_name}} only in endpoint classes. */
final class FlagNames {
    static final String ENDPOINT_NAME = "endpoint_name";

    private FlagNames() {
    }

    /** Checks every flag of {@code annotation}'s {@code value}, reporting each bad one at its own value. */
    static void checkAll(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        List<String> flags = annotation.strings("value");
        for (int i = 0; i < flags.size(); i++) {
            Optional<String> problem = problem(flags.get(i), annotation.name(), handler);
            if (problem.isPresent()) {
                report.error(annotation.atValue("value", i), "%s", problem.get());
            }
        }
    }

    /** What is wrong with {@code flag} written in {@code @annotation} of {@code handler}, if anything. */
    static Optional<String> problem(String flag, String annotation, HandlerBuilder handler) {
        if (flag.isBlank()) {
            return Optional.of(String.format(Messages.FLAG_BLANK, annotation));
        }
        Optional<String> reason = Syntax.whitespace(flag)
                .or(() -> dots(flag))
                .or(() -> placeholders(flag));
        if (reason.isPresent()) {
            return Optional.of(String.format(Messages.FLAG_MALFORMED, flag, annotation, reason.get()));
        }
        if (flag.contains("{" + ENDPOINT_NAME + "}") && !handler.isEndpointClass()) {
            return Optional.of(String.format(Messages.ENDPOINT_NAME_OUTSIDE_ENDPOINT,
                    flag, annotation, handler.handlerClass().getQualifiedName()));
        }
        return Optional.empty();
    }

    private static Optional<String> dots(String flag) {
        if (flag.startsWith(".")) {
            return Optional.of(Messages.LEADING_DOT);
        }
        if (flag.endsWith(".")) {
            return Optional.of(Messages.TRAILING_DOT);
        }
        return flag.contains("..") ? Optional.of(Messages.DOUBLE_DOT) : Optional.empty();
    }

    private static Optional<String> placeholders(String flag) {
        return Syntax.braceProblem(flag).or(() -> Syntax.braceGroups(flag).stream()
                .filter(group -> !group.equals(ENDPOINT_NAME))
                .findFirst()
                .map(group -> String.format(Messages.UNKNOWN_PLACEHOLDER, group)));
    }
}
