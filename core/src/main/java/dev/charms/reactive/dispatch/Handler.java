package dev.charms.reactive.dispatch;

import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.HookContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A handler as the dispatcher runs it: a definition bound to the index that creates its target, with its flag
 * names resolved and its {@code @Hook} patterns expanded against the charm's relations.
 *
 * <p>This is the seam for endpoints: a {@link dev.charms.reactive.spi.HandlerBinder} binds a handler of an endpoint
 * class once per endpoint name, with {@code flagNames} replacing {@code {endpoint_name}}, a {@code suffix}
 * ({@code :<endpoint name>}) on its id and display name, and a {@code targetKey} and {@code target} naming that
 * endpoint's instance, so each binding runs on its own object. A plain handler uses the identity, no suffix, its
 * class as the key and a fresh instance from its index.
 */
final class Handler {
    final int position;
    final HandlerDefinition definition;
    final HandlerIndex source;
    final Object targetKey;
    final Function<HookContext, Object> target;
    final String id;
    final String displayName;
    final List<Test> tests;
    final Set<String> watched;
    final boolean restricted;
    /** The action an {@code @Action} handler serves, else null. */
    final String action;

    Handler(int position, HandlerDefinition definition, HandlerIndex source, Object targetKey,
            Function<HookContext, Object> target, String suffix, UnaryOperator<String> flagNames,
            List<RelationDeclaration> relations) {
        this.position = position;
        this.definition = definition;
        this.source = source;
        this.targetKey = targetKey;
        this.target = target;
        this.id = definition.id() + suffix;
        this.displayName = definition.displayName() + suffix;
        List<Test> tests = new ArrayList<>();
        Set<String> watched = new LinkedHashSet<>();
        boolean restrictedHook = false;
        for (Condition c : definition.conditions()) {
            List<String> values = c.values();
            if (c.kind().watchesFlags()) {
                values = new ArrayList<>(values.size());
                for (String flag : c.values()) {
                    values.add(flagNames.apply(flag));
                }
                watched.addAll(values);
            }
            tests.add(test(c.kind(), List.copyOf(values), c.hash(), relations));
            restrictedHook |= c.kind() == Condition.Kind.RESTRICTED_HOOK;
        }
        this.tests = List.copyOf(tests);
        this.watched = Set.copyOf(watched);
        this.restricted = restrictedHook;
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
            case WHEN_ALL -> s -> s.phase() == Phase.OTHER && setAmong(s, values) == values.size();
            case WHEN_ANY -> s -> s.phase() == Phase.OTHER && setAmong(s, values) > 0;
            case WHEN_NONE -> s -> s.phase() == Phase.OTHER && setAmong(s, values) == 0;
            case WHEN_NOT_ALL -> s -> s.phase() == Phase.OTHER && setAmong(s, values) < values.size();
            case HOOK -> {
                Set<String> hooks = HookPatterns.expand(values, relations);
                yield s -> s.phase() == Phase.HOOKS && !s.action() && hooks.contains(s.hookName());
            }
            case RESTRICTED_HOOK -> s -> s.phase() == Phase.RESTRICTED && values.contains(s.hookName());
            case FILE_CHANGED -> s -> values.stream().anyMatch(f -> !s.digest(f, hash).equals(s.state().fileHash(id, f)));
            case ONLY_ONCE -> s -> !s.state().wasInvoked(id);
        };
    }

    /** How many of the flags are set. */
    private static int setAmong(HookSession s, List<String> flags) {
        int set = 0;
        for (String flag : flags) {
            if (s.state().isSet(flag)) {
                set++;
            }
        }
        return set;
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
