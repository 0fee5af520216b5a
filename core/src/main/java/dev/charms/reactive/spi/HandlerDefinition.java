package dev.charms.reactive.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One handler method as the processor saw it: its stable id, its conditions in source order, the types of
 * its parameters, and an {@link Invoker} that calls it. Immutable.
 *
 * <p>Generated code builds it like this:
 * <pre>{@code
 * HandlerDefinition.builder(HelloCharm.class, "start")
 *         .whenAll("hello.installed")
 *         .whenNone("hello.started")
 *         .parameters(Services.class, Flags.class)
 *         .invoker((target, args) -> ((HelloCharm) target).start((Services) args[0], (Flags) args[1]))
 *         .build();
 * }</pre>
 */
public final class HandlerDefinition {
    private final String id;
    private final Class<?> declaringClass;
    private final String methodName;
    private final List<Condition> conditions;
    private final List<String> notUnless;
    private final String action;
    private final List<Class<?>> parameterTypes;
    private final Invoker invoker;

    private HandlerDefinition(Builder b) {
        this.declaringClass = b.declaringClass;
        this.methodName = b.methodName;
        this.id = declaringClass.getName() + "." + methodName;
        this.conditions = List.copyOf(b.conditions);
        this.notUnless = List.copyOf(b.notUnless);
        this.action = b.action;
        this.parameterTypes = List.copyOf(b.parameterTypes);
        this.invoker = Objects.requireNonNull(b.invoker, () -> "no invoker for " + id);
    }

    /** Starts a definition for method {@code methodName} of {@code declaringClass}. */
    public static Builder builder(Class<?> declaringClass, String methodName) {
        return new Builder(declaringClass, methodName);
    }

    /** The stable id: {@code fully.qualified.Class.method}. Keys {@code @OnlyOnce} and file hashes. */
    public String id() {
        return id;
    }

    /** The short name people read in traces: {@code SimpleClass.method}. */
    public String displayName() {
        return declaringClass.getSimpleName() + "." + methodName;
    }

    public Class<?> declaringClass() {
        return declaringClass;
    }

    public String methodName() {
        return methodName;
    }

    /** The conditions, in source order. Never null. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The flags of {@code @NotUnless}, in source order; empty when absent. */
    public List<String> notUnless() {
        return notUnless;
    }

    /** The action this handler serves, if it is an {@code @Action} handler. */
    public Optional<String> action() {
        return Optional.ofNullable(action);
    }

    /** The parameter types, in declaration order. Never null. */
    public List<Class<?>> parameterTypes() {
        return parameterTypes;
    }

    public Invoker invoker() {
        return invoker;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds a {@link HandlerDefinition}; each condition method adds one condition, in call order. */
    public static final class Builder {
        private final Class<?> declaringClass;
        private final String methodName;
        private final List<Condition> conditions = new ArrayList<>();
        private final List<String> notUnless = new ArrayList<>();
        private final List<Class<?>> parameterTypes = new ArrayList<>();
        private String action;
        private Invoker invoker;

        private Builder(Class<?> declaringClass, String methodName) {
            this.declaringClass = Objects.requireNonNull(declaringClass, "declaringClass");
            this.methodName = Objects.requireNonNull(methodName, "methodName");
        }

        public Builder whenAll(String... flags) {
            return add(Condition.Kind.WHEN_ALL, flags);
        }

        public Builder whenAny(String... flags) {
            return add(Condition.Kind.WHEN_ANY, flags);
        }

        public Builder whenNone(String... flags) {
            return add(Condition.Kind.WHEN_NONE, flags);
        }

        public Builder whenNotAll(String... flags) {
            return add(Condition.Kind.WHEN_NOT_ALL, flags);
        }

        public Builder hook(String... patterns) {
            return add(Condition.Kind.HOOK, patterns);
        }

        public Builder whenFileChanged(String hash, String... files) {
            conditions.add(new Condition(Condition.Kind.FILE_CHANGED, List.of(files), hash));
            return this;
        }

        public Builder onlyOnce() {
            return add(Condition.Kind.ONLY_ONCE);
        }

        /** {@code @CollectMetrics} is {@code restrictedHook("collect-metrics")}. */
        public Builder restrictedHook(String hook) {
            return add(Condition.Kind.RESTRICTED_HOOK, hook);
        }

        public Builder notUnless(String... flags) {
            notUnless.addAll(List.of(flags));
            return this;
        }

        public Builder action(String name) {
            this.action = Objects.requireNonNull(name, "action");
            return this;
        }

        public Builder parameters(Class<?>... types) {
            parameterTypes.addAll(List.of(types));
            return this;
        }

        public Builder invoker(Invoker invoker) {
            this.invoker = invoker;
            return this;
        }

        public HandlerDefinition build() {
            return new HandlerDefinition(this);
        }

        private Builder add(Condition.Kind kind, String... values) {
            conditions.add(new Condition(kind, List.of(values), ""));
            return this;
        }
    }
}
