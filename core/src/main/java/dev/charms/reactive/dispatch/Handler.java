package dev.charms.reactive.dispatch;

import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A handler as the dispatcher runs it: a definition bound to the index that creates its target, with its flag
 * names resolved and its {@code @Hook} patterns expanded against the charm's relations.
 *
 * <p>This is the seam for endpoints: a handler of an endpoint class will be bound once per endpoint name, with
 * {@code flagNames} replacing {@code {endpoint_name}} and a {@code targetKey} naming that endpoint's instance, so
 * each binding runs on its own object. A plain handler uses the identity and its class as the key.
 */
final class Handler {
    final int position;
    final HandlerDefinition definition;
    final HandlerIndex source;
    final Object targetKey;
    final String id;
    final String displayName;
    final List<Test> tests;
    final Set<String> watched;
    final boolean restricted;
    /** The action an {@code @Action} handler serves, else null. */
    final String action;

    Handler(int position, HandlerDefinition definition, HandlerIndex source, Object targetKey,
            UnaryOperator<String> flagNames, List<RelationDeclaration> relations) {
        this.position = position;
        this.definition = definition;
        this.source = source;
        this.targetKey = targetKey;
        this.id = definition.id();
        this.displayName = definition.displayName();
        List<Test> tests = new ArrayList<>();
        Set<String> watched = new LinkedHashSet<>();
        for (Condition c : definition.conditions()) {
            List<String> values = c.kind().watchesFlags() ? c.values().stream().map(flagNames).toList() : c.values();
            if (c.kind().watchesFlags()) {
                watched.addAll(values);
            }
            tests.add(test(c.kind(), values, c.hash(), relations));
        }
        this.tests = List.copyOf(tests);
        this.watched = Set.copyOf(watched);
        this.restricted = definition.conditions().stream().anyMatch(c -> c.kind() == Condition.Kind.RESTRICTED_HOOK);
        this.action = definition.action().orElse(null);
    }

    /** Whether the handler would run now: the flag watch lets it through and every condition holds. No side effects. */
    boolean test(HookSession session) {
        if (action != null) {
            return session.phase() == Phase.HOOKS && session.action() && action.equals(session.hookName());
        }
        if (!watched.isEmpty() && !session.watch().watch(watched)) {
            return false;
        }
        for (Test t : tests) {
            if (!t.holds(session)) {
                return false;
            }
        }
        return true;
    }

    private Test test(Condition.Kind kind, List<String> values, String hash, List<RelationDeclaration> relations) {
        return switch (kind) {
            case WHEN_ALL -> s -> s.phase() == Phase.OTHER && values.stream().allMatch(s.state()::isSet);
            case WHEN_ANY -> s -> s.phase() == Phase.OTHER && values.stream().anyMatch(s.state()::isSet);
            case WHEN_NONE -> s -> s.phase() == Phase.OTHER && values.stream().noneMatch(s.state()::isSet);
            case WHEN_NOT_ALL -> s -> s.phase() == Phase.OTHER && !values.stream().allMatch(s.state()::isSet);
            case HOOK -> {
                Set<String> hooks = HookPatterns.expand(values, relations);
                yield s -> s.phase() == Phase.HOOKS && !s.action() && hooks.contains(s.hookName());
            }
            case RESTRICTED_HOOK -> s -> s.phase() == Phase.RESTRICTED && values.contains(s.hookName());
            case FILE_CHANGED -> s -> values.stream().anyMatch(f -> !s.digest(f, hash).equals(s.state().fileHash(id, f)));
            case ONLY_ONCE -> s -> !s.state().wasInvoked(id);
        };
    }

    @Override
    public String toString() {
        return displayName;
    }

    /** One condition, evaluated against the running hook. */
    @FunctionalInterface
    interface Test {
        boolean holds(HookSession session);
    }
}
