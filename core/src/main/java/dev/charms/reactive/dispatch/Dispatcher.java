package dev.charms.reactive.dispatch;

import dev.charms.reactive.spi.Condition;
import dev.charms.reactive.spi.HandlerDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatch algorithm of charms.reactive ({@code bus.dispatch}), with our fixes: a reported iteration cap,
 * restricted mode limited to restricted handlers, and side-effect-free handler tests.
 *
 * <p>Iterations after the first test only the handlers that watch a flag changed in the previous iteration (and
 * those that watch no flag), which is what the flag watch would let through anyway, so a dispatch costs in
 * proportion to the handlers woken, not to every handler times every iteration.
 */
final class Dispatcher {
    private static final int REPORTED_ITERATIONS = 5;

    private final List<Handler> handlers;
    private final Map<String, List<Handler>> watchers = new HashMap<>();
    private final List<Handler> ungated = new ArrayList<>();
    private final List<Handler> restrictedHandlers = new ArrayList<>();
    private final ParameterResolution resolution;
    private final int cap;
    private final boolean failOnCap;

    Dispatcher(List<Handler> handlers, ParameterResolution resolution, int cap, boolean failOnCap) {
        this.handlers = List.copyOf(handlers);
        this.resolution = resolution;
        this.cap = cap;
        this.failOnCap = failOnCap;
        for (Handler h : this.handlers) {
            if (h.watched.isEmpty() && h.action == null) {
                ungated.add(h);
            }
            for (String flag : h.watched) {
                watchers.computeIfAbsent(flag, k -> new ArrayList<>()).add(h);
            }
            if (h.restricted) {
                restrictedHandlers.add(h);
            }
        }
    }

    /**
     * Runs the dispatch. Handler exceptions propagate, wrapped in {@link HandlerFailure}.
     *
     * @return the report when the flag loop hit the cap and the runner only warns about it
     */
    Optional<IterationReport> dispatch(HookSession s) {
        s.watch().reset();
        s.tracer().startDispatch(List.copyOf(s.state().flags()));
        if (s.restricted()) {
            s.phase(Phase.RESTRICTED);
            List<Handler> queue = queue(s);
            s.tracer().startPhase(Phase.RESTRICTED, names(queue));
            invoke(s, queue);
            return Optional.empty();
        }
        s.phase(Phase.HOOKS);
        List<Handler> hooks = queue(s);
        s.tracer().startPhase(Phase.HOOKS, names(hooks));
        invoke(s, hooks);
        s.phase(Phase.OTHER);
        Deque<List<String>> lastInvoked = new ArrayDeque<>();
        Deque<List<String>> lastChanges = new ArrayDeque<>();
        for (int i = 0; i < cap; i++) {
            s.watch().iteration(i);
            List<Handler> queue = queue(s);
            if (i == 0) {
                s.tracer().startPhase(Phase.OTHER, names(queue));
            }
            s.tracer().startIteration(i, names(queue));
            if (queue.isEmpty()) {
                s.watch().reset();
                return Optional.empty();
            }
            int before = s.invoked().size();
            invoke(s, queue);
            remember(lastInvoked, s.invoked().subList(before, s.invoked().size()));
            remember(lastChanges, s.watch().changes());
        }
        s.watch().iteration(cap);
        List<Handler> stillQueued = queue(s);
        s.watch().reset();
        if (stillQueued.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> changing = lastChanges.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        IterationReport report = new IterationReport(s.hookName(), cap, List.copyOf(lastInvoked), changing,
                names(stillQueued));
        if (failOnCap) {
            throw new IterationCapExceededException(report);
        }
        s.log().warning(report.message());
        return Optional.of(report);
    }

    /** The handlers that would be queued now, in order; no side effects. */
    List<Handler> queue(HookSession s) {
        List<Handler> candidates;
        if (s.phase() == Phase.RESTRICTED) {
            candidates = restrictedHandlers;
        } else if (s.phase() == Phase.OTHER && s.watch().iteration() > 0) {
            candidates = woken(s);
        } else {
            candidates = handlers;
        }
        return passing(candidates, s);
    }

    /** The handlers among {@code candidates} whose conditions hold now, in order. */
    private static List<Handler> passing(List<Handler> candidates, HookSession s) {
        List<Handler> passing = new ArrayList<>();
        for (Handler h : candidates) {
            if (h.test(s)) {
                passing.add(h);
            }
        }
        return passing;
    }

    private List<Handler> woken(HookSession s) {
        BitSet positions = new BitSet(handlers.size());
        for (Handler h : ungated) {
            positions.set(h.position);
        }
        for (String flag : s.watch().changes()) {
            for (Handler h : watchers.getOrDefault(flag, List.of())) {
                positions.set(h.position);
            }
        }
        List<Handler> woken = new ArrayList<>();
        for (int i = positions.nextSetBit(0); i >= 0; i = positions.nextSetBit(i + 1)) {
            woken.add(handlers.get(i));
        }
        return woken;
    }

    private void invoke(HookSession s, List<Handler> initial) {
        List<Handler> queue = initial;
        int next = 0;
        s.takeRemovedState();
        while (next < queue.size()) {
            invoke(s, queue.get(next++));
            if (s.takeRemovedState()) {
                queue = passing(queue.subList(next, queue.size()), s);
                next = 0;
            }
        }
        s.watch().commit();
    }

    private void invoke(HookSession s, Handler h) {
        HandlerDefinition definition = h.definition;
        s.log().info("Invoking reactive handler: " + h.displayName);
        s.invoked(h);
        List<String> missing = new ArrayList<>();
        for (String flag : definition.notUnless()) {
            if (!s.state().isSet(flag)) {
                missing.add(flag);
            }
        }
        if (!missing.isEmpty()) {
            s.log().warning(h.displayName + " called before flag" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing));
        }
        boolean onlyOnce = false;
        for (Condition c : definition.conditions()) {
            if (c.kind() == Condition.Kind.FILE_CHANGED) {
                for (String file : c.values()) {
                    s.state().recordFileHash(h.id, file, s.digest(file, c.hash()).orElse(null));
                }
            }
            onlyOnce |= c.kind() == Condition.Kind.ONLY_ONCE;
        }
        Object target;
        try {
            target = s.target(h);
        } catch (RuntimeException e) {
            throw new HandlerFailure(h.displayName, new IllegalStateException("cannot create "
                    + h.source.handlerClass().getName() + " to invoke " + h.displayName + ": " + e, e));
        }
        Object[] args = resolution.resolve(definition, target, s);
        try {
            definition.invoker().invoke(target, args);
        } catch (Exception e) {
            throw new HandlerFailure(h.displayName, e);
        }
        if (onlyOnce) {
            s.state().markInvoked(h.id);
        }
    }

    private static void remember(Deque<List<String>> last, List<String> entry) {
        last.addLast(List.copyOf(entry));
        if (last.size() > REPORTED_ITERATIONS) {
            last.removeFirst();
        }
    }

    private static List<String> names(List<Handler> queue) {
        List<String> names = new ArrayList<>(queue.size());
        for (Handler h : queue) {
            names.add(h.displayName);
        }
        return names;
    }
}
