package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Writes the Java source of a handler class's index: a {@code HandlerIndex} whose handlers are built once, in
 * declaration order, each with an invoker lambda that calls the method directly. The text is formatted as a
 * person would write it (four-space indents, lines wrapped at {@value #WIDTH} columns), so it is stable and
 * reads well in a debugger.
 */
final class IndexSourceGenerator {
    static final String PROCESSOR = "dev.charms.reactive.processor.ReactiveProcessor";
    static final String SPI = "dev.charms.reactive.spi";
    static final int WIDTH = 120;

    private static final String MEMBER = "    ";
    private static final String HANDLER = MEMBER + "        ";
    private static final String BUILDER_CALL = HANDLER + "        ";

    private final Elements elements;

    IndexSourceGenerator(Elements elements) {
        this.elements = elements;
    }

    /** The complete source file of {@code handlerClass}'s index. */
    String generate(Model.HandlerClass handlerClass) {
        ImportScope scope = new ImportScope(handlerClass.packageName(), elements);
        for (String javaLang : List.of("Object", "Class", "Override", "SuppressWarnings")) {
            scope.name("java.lang", javaLang);
        }
        String list = scope.name("java.util", "List");
        String definition = scope.name(SPI, "HandlerDefinition");
        String index = scope.name(SPI, "HandlerIndex");
        String generated = scope.name("javax.annotation.processing", "Generated");
        scope.name(handlerClass.packageName(), handlerClass.indexName());
        String target = scope.name(handlerClass.type());

        List<String> handlers = new ArrayList<>();
        for (Model.Handler handler : handlerClass.handlers()) {
            handlers.add(handler(handler, target, definition, scope));
        }
        StringBuilder out = new StringBuilder();
        if (!handlerClass.packageName().isEmpty()) {
            out.append("package ").append(handlerClass.packageName()).append(";\n\n");
        }
        out.append(scope.importBlock()).append('\n');
        out.append("/** The handlers of {@link ").append(target)
                .append("}, generated from its annotations by the reactive processor. */\n");
        out.append('@').append(generated).append('(').append(Literals.quote(PROCESSOR)).append(")\n");
        out.append("public final class ").append(handlerClass.indexName()).append(" implements ").append(index)
                .append(" {\n");
        if (needsUncheckedCasts(handlerClass)) {
            out.append(MEMBER).append("@SuppressWarnings(\"unchecked\")\n");
        }
        out.append(MEMBER).append("private static final ").append(list).append('<').append(definition)
                .append("> HANDLERS = ").append(list).append(".of(");
        out.append('\n').append(String.join(",\n", handlers)).append(");\n\n");
        method(out, "Class<?> handlerClass()", "return " + target + ".class;");
        method(out, "Object newInstance()", "return new " + target + "();");
        method(out, list + "<" + definition + "> handlers()", "return HANDLERS;");
        out.setLength(out.length() - 1);
        return out.append("}\n").toString();
    }

    private static void method(StringBuilder out, String signature, String body) {
        out.append(MEMBER).append("@Override\n")
                .append(MEMBER).append("public ").append(signature).append(" {\n")
                .append(MEMBER).append(MEMBER).append(body).append('\n')
                .append(MEMBER).append("}\n\n");
    }

    /** One element of the HANDLERS list: a builder chain, one call per line. */
    private static String handler(Model.Handler handler, String target, String definition, ImportScope scope) {
        List<String> lines = new ArrayList<>();
        lines.add(HANDLER + definition + ".builder(" + target + ".class, " + Literals.quote(handler.method()) + ")");
        for (Model.Condition condition : handler.conditions()) {
            List<String> arguments = new ArrayList<>();
            if (condition.kind() == ConditionKind.FILE_CHANGED) {
                arguments.add(Literals.quote(condition.hash()));
            }
            condition.values().stream().map(Literals::quote).forEach(arguments::add);
            lines.add(call(BUILDER_CALL + "." + condition.kind().builderMethod() + "(", arguments, ")"));
        }
        if (!handler.notUnless().isEmpty()) {
            lines.add(call(BUILDER_CALL + ".notUnless(",
                    handler.notUnless().stream().map(Literals::quote).toList(), ")"));
        }
        handler.action().ifPresent(action -> lines.add(BUILDER_CALL + ".action(" + Literals.quote(action) + ")"));
        List<String> casts = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Model.Parameter parameter : handler.parameters()) {
            String type = scope.name(parameter.type());
            casts.add("(" + type + ") args[" + casts.size() + "]");
            String raw = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
            classes.add(raw + ".class");
        }
        if (!classes.isEmpty()) {
            lines.add(call(BUILDER_CALL + ".parameters(", classes, ")"));
        }
        lines.add(call(BUILDER_CALL + ".invoker((target, args) -> ((" + target + ") target)." + handler.method() + "(",
                casts, "))"));
        lines.add(BUILDER_CALL + ".build()");
        return String.join("\n", lines);
    }

    /**
     * {@code head} + arguments + {@code tail} on one line if it fits in {@value #WIDTH} columns, else one
     * argument per line, indented one step further.
     */
    private static String call(String head, List<String> arguments, String tail) {
        String oneLine = head + String.join(", ", arguments) + tail;
        if (oneLine.length() <= WIDTH || arguments.isEmpty()) {
            return oneLine;
        }
        String indent = " ".repeat(head.length() - head.stripLeading().length() + 8);
        return arguments.stream().collect(Collectors.joining(",\n" + indent, head + "\n" + indent, tail));
    }

    /** True if a parameter has type arguments, so casting {@code args[i]} to it is unchecked. */
    private static boolean needsUncheckedCasts(Model.HandlerClass handlerClass) {
        return handlerClass.handlers().stream()
                .flatMap(handler -> handler.parameters().stream())
                .anyMatch(parameter -> parameter.type().getKind() == TypeKind.DECLARED
                        && !((DeclaredType) parameter.type()).getTypeArguments().isEmpty());
    }
}
