package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/** A handler method while its annotations are read: what the steps need to know, and what they found. */
final class HandlerBuilder {
    private final String displayName;
    private final TypeElement handlerClass;
    private final boolean endpointClass;
    private final List<Model.Condition> conditions = new ArrayList<>();
    private final List<String> notUnless = new ArrayList<>();
    private String action;

    HandlerBuilder(String displayName, TypeElement handlerClass, boolean endpointClass) {
        this.displayName = displayName;
        this.handlerClass = handlerClass;
        this.endpointClass = endpointClass;
    }

    /** The name messages use: {@code SimpleClass.method}. */
    String displayName() {
        return displayName;
    }

    TypeElement handlerClass() {
        return handlerClass;
    }

    /** True if the handler class extends {@code dev.charms.reactive.endpoints.Endpoint}. */
    boolean isEndpointClass() {
        return endpointClass;
    }

    void addCondition(Model.Condition condition) {
        conditions.add(condition);
    }

    void addNotUnless(List<String> flags) {
        notUnless.addAll(flags);
    }

    void action(String name) {
        this.action = name;
    }

    Model.Handler build(String method, List<Model.Parameter> parameters) {
        return new Model.Handler(method, conditions, notUnless, Optional.ofNullable(action), parameters);
    }
}
