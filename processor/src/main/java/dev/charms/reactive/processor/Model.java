package dev.charms.reactive.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** What the processor learned from one valid handler class: the input of the generated code and index. */
final class Model {

    /**
     * One condition of a handler.
     *
     * @param values flags, hook patterns, file paths or the restricted hook name
     * @param hash the Java digest algorithm name for {@link ConditionKind#FILE_CHANGED}, else empty
     */
    record Condition(ConditionKind kind, List<String> values, String hash) {
        Condition {
            values = List.copyOf(values);
        }

        static Condition of(ConditionKind kind, List<String> values) {
            return new Condition(kind, values, "");
        }
    }

    /**
     * One handler parameter.
     *
     * @param type the declared type, for generated casts
     * @param binaryName the binary name of its erasure, for the aggregate index
     */
    record Parameter(String name, TypeMirror type, String binaryName) {
    }

    /** One handler method, with its conditions in source order. */
    record Handler(String method, List<Condition> conditions, List<String> notUnless, Optional<String> action,
            List<Parameter> parameters) {
        Handler {
            conditions = List.copyOf(conditions);
            notUnless = List.copyOf(notUnless);
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * A handler class and its handlers in declaration order.
     *
     * @param binaryName as {@link Class#getName()} gives it, such as {@code com.example.Outer$Inner}
     * @param indexName the simple name of the generated index class, such as {@code Outer_Inner_ReactiveHandlers}
     */
    record HandlerClass(TypeElement type, String packageName, String binaryName, String indexName,
            List<Handler> handlers) {
        HandlerClass {
            handlers = List.copyOf(handlers);
        }

        /** The generated index's binary name, as listed for {@link java.util.ServiceLoader}. */
        String indexBinaryName() {
            return packageName.isEmpty() ? indexName : packageName + "." + indexName;
        }

        /** The handler id of {@code handler}, as {@code HandlerDefinition.id()} gives it. */
        String id(Handler handler) {
            return binaryName + "." + handler.method();
        }
    }

    private Model() {
    }
}
