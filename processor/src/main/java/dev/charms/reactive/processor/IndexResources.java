package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two resources that list a compilation's handler classes: the {@link java.util.ServiceLoader} file of
 * the generated indexes, and {@value #AGGREGATE_INDEX}, which build, graph and lint tools read without loading
 * any class.
 *
 * <p>The aggregate index is JSON, format 1: {@code {"format": 1, "handlers": [...]}}, the handlers sorted by
 * class binary name and, within a class, in declaration order. Each handler has {@code id},
 * {@code class} (binary name), {@code method}, {@code conditions} (each {@code kind}, {@code values},
 * {@code hash}, as {@code dev.charms.reactive.spi.Condition} has them), {@code notUnless}, {@code action}
 * (null unless an action handler) and {@code parameters} (binary names of the erased types).
 */
final class IndexResources {
    static final String SERVICES = "META-INF/services/dev.charms.reactive.spi.HandlerIndex";
    static final String AGGREGATE_INDEX = "META-INF/reactive/handlers.json";
    static final int FORMAT = 1;

    private IndexResources() {
    }

    /** The service file: one generated index per line, sorted. */
    static String services(Collection<Model.HandlerClass> classes) {
        return classes.stream()
                .map(Model.HandlerClass::indexBinaryName)
                .sorted()
                .map(name -> name + "\n")
                .collect(Collectors.joining());
    }

    /** The aggregate index of {@code classes} (at least one), pretty-printed with two-space indents. */
    static String aggregateIndex(Collection<Model.HandlerClass> classes) {
        List<String> handlers = new ArrayList<>();
        classes.stream()
                .sorted((a, b) -> a.binaryName().compareTo(b.binaryName()))
                .forEach(c -> c.handlers().forEach(handler -> handlers.add(handler(c, handler))));
        return "{\n"
                + "  \"format\": " + FORMAT + ",\n"
                + "  \"handlers\": [\n" + String.join(",\n", handlers) + "\n  ]\n"
                + "}\n";
    }

    private static String handler(Model.HandlerClass handlerClass, Model.Handler handler) {
        String indent = "      ";
        List<String> conditions = handler.conditions().stream()
                .map(condition -> "{\"kind\": " + Literals.quote(condition.kind().name())
                        + ", \"values\": " + array(condition.values())
                        + ", \"hash\": " + Literals.quote(condition.hash()) + "}")
                .toList();
        return "    {\n"
                + indent + "\"id\": " + Literals.quote(handlerClass.id(handler)) + ",\n"
                + indent + "\"class\": " + Literals.quote(handlerClass.binaryName()) + ",\n"
                + indent + "\"method\": " + Literals.quote(handler.method()) + ",\n"
                + indent + "\"conditions\": [" + (conditions.isEmpty() ? "" : "\n" + indent + "  "
                        + String.join(",\n" + indent + "  ", conditions) + "\n" + indent) + "],\n"
                + indent + "\"notUnless\": " + array(handler.notUnless()) + ",\n"
                + indent + "\"action\": " + handler.action().map(Literals::quote).orElse("null") + ",\n"
                + indent + "\"parameters\": "
                + array(handler.parameters().stream().map(Model.Parameter::binaryName).toList()) + "\n"
                + "    }";
    }

    private static String array(List<String> values) {
        return values.stream().map(Literals::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
