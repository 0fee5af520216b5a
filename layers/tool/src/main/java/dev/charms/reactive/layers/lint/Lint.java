package dev.charms.reactive.layers.lint;

import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.flow.FlagRef;
import dev.charms.reactive.layers.flow.FlagUse;
import dev.charms.reactive.layers.flow.FlowNote;
import dev.charms.reactive.layers.flow.HandlerFlow;
import dev.charms.reactive.layers.flow.TriggerFlow;
import dev.charms.reactive.layers.proof.Level;
import dev.charms.reactive.spi.Condition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lint rules, run over a charm's {@link FlagFlow}:
 * <ul>
 *   <li>{@value #NEVER_RUNS} (error): a handler needs a flag ({@code @When}, or every flag of {@code @WhenAny})
 *       that no handler, trigger or automatic rule sets, or that only handlers which themselves can never run set.
 *       A warning instead when a flag computed at run time could be it;</li>
 *   <li>{@value #NEVER_READ} (warning): a handler of the charm's own code (or a trigger it registers) sets a flag
 *       that no condition, trigger or flag read uses. Not for a layer's handlers (their classes come from a layer
 *       jar): a layer's flags are for the charms that include it, which the layer cannot know;</li>
 *   <li>{@value #FLIP_FLOP} (error): handler A sets X whenever X is not set, handler B clears X whenever it is set,
 *       both on every run, and neither changes their other conditions: once both can run, they alternate until
 *       the iteration cap ends the hook;</li>
 *   <li>{@value #TYPO} (warning): a flag that is read but never set (or set but never read) is one edit away from
 *       a flag that is set (read): likely a typo;</li>
 *   <li>{@value #COMPUTED} (info): a flag name or trigger computed at run time, which lint cannot check;</li>
 *   <li>and what the analysis noted (missing classes, endpoint classes that are not bound, no handler index).</li>
 * </ul>
 */
public final class Lint {

    /** The rule names, as findings carry them. */
    public static final String NEVER_RUNS = "never-runs";
    public static final String NEVER_READ = "never-read";
    public static final String FLIP_FLOP = "flip-flop";
    public static final String TYPO = "typo";
    public static final String COMPUTED = "computed-flag";

    private final FlagFlow flow;
    private final List<LintFinding> findings = new ArrayList<>();
    /** Constant flag to the sources that may set it: handlers, and triggers (with their registering handler). */
    private final Map<String, List<Source>> setters = new LinkedHashMap<>();
    /** Flags some condition, trigger, {@code @NotUnless} or flag read uses. */
    private final Set<String> read = new HashSet<>();
    private final List<Computed> computed = new ArrayList<>();

    /** Something that sets a flag: a handler, or a trigger that {@code handler} registers and {@code fires} fires. */
    private record Source(HandlerFlow handler, Optional<FlagRef> fires) {
    }

    /** A use of a computed flag name, and what it is for people. */
    private record Computed(HandlerFlow handler, FlagUse.Effect effect, FlagRef flag, String description) {
    }

    private Lint(FlagFlow flow) {
        this.flow = flow;
        for (HandlerFlow handler : flow.handlers()) {
            for (Condition condition : handler.conditions()) {
                if (condition.kind().watchesFlags()) {
                    read.addAll(condition.values());
                }
            }
            read.addAll(handler.notUnless());
            for (FlagUse use : handler.uses()) {
                if (use.flag().computed()) {
                    String verb = use.effect().name().toLowerCase(java.util.Locale.ROOT) + "s";
                    computed.add(new Computed(handler, use.effect(), use.flag(),
                            verb + " a flag whose name is computed at run time; lint does not check it"));
                } else if (use.effect() == FlagUse.Effect.READ) {
                    read.add(use.flag().name());
                } else if (use.effect() == FlagUse.Effect.SET) {
                    setters.computeIfAbsent(use.flag().name(), f -> new ArrayList<>())
                            .add(new Source(handler, Optional.empty()));
                }
            }
            for (TriggerFlow trigger : handler.triggers()) {
                if (trigger.flag().computed()) {
                    computed.add(new Computed(handler, FlagUse.Effect.READ, trigger.flag(),
                            "registers a trigger on a flag the analysis cannot name; lint does not check it"));
                } else {
                    read.add(trigger.flag().name());
                }
                for (FlagRef set : trigger.sets()) {
                    if (set.computed()) {
                        computed.add(new Computed(handler, FlagUse.Effect.SET, set,
                                "registers a trigger that sets a flag whose name is computed at run time; lint does"
                                        + " not check it"));
                    } else {
                        setters.computeIfAbsent(set.name(), f -> new ArrayList<>())
                                .add(new Source(handler, Optional.of(trigger.flag())));
                    }
                }
            }
        }
    }

    /** Lints {@code flow}. */
    public static LintReport check(FlagFlow flow) {
        Lint lint = new Lint(flow);
        for (FlowNote note : flow.notes()) {
            lint.findings.add(new LintFinding(note.level(), note.rule(), note.subject(), note.flag(), note.message()));
        }
        lint.neverRuns();
        lint.neverRead();
        lint.flipFlops();
        lint.typos();
        lint.computedNames();
        return new LintReport(lint.findings);
    }

    /**
     * Handlers that can never run: a fixpoint over which sources can ever set the flags they need. A flag that only
     * a computed name could set keeps its handler runnable, with a warning.
     */
    private void neverRuns() {
        Set<HandlerFlow> runnable = new LinkedHashSet<>(flow.handlers());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (HandlerFlow handler : List.copyOf(runnable)) {
                if (missing(handler, runnable, true).isPresent()) {
                    runnable.remove(handler);
                    changed = true;
                }
            }
        }
        for (HandlerFlow handler : flow.handlers()) {
            boolean never = !runnable.contains(handler);
            Optional<String> missing = missing(handler, runnable, never);
            if (missing.isEmpty()) {
                continue;
            }
            String flag = missing.get();
            List<String> others = setters.getOrDefault(flag, List.of()).stream().map(s -> s.handler())
                    .filter(h -> h != handler).map(HandlerFlow::displayName).distinct().toList();
            String why = others.isEmpty() ? "which no handler, trigger or automatic rule sets"
                    : "which only " + String.join(", ", others) + " set" + (others.size() == 1 ? "s" : "")
                            + ", and " + (others.size() == 1 ? "it" : "they") + " can never run either";
            String needs = "it needs " + flag + " (" + annotation(handler, flag) + "), " + why;
            if (never) {
                findings.add(new LintFinding(Level.ERROR, NEVER_RUNS, handler.displayName(), flag,
                        "can never run: " + needs));
            } else {
                findings.add(new LintFinding(Level.WARNING, NEVER_RUNS, handler.displayName(), flag,
                        "may never run: " + needs + " by name; only a flag computed at run time could be it ("
                                + String.join(", ", computedMatching(FlagUse.Effect.SET, flag)) + ")"));
            }
        }
    }

    /**
     * The first flag {@code handler} needs that nothing in {@code runnable} (other than itself) nor the framework
     * can set: an {@code @When} flag, or the first of an {@code @WhenAny} none of whose flags can be set.
     */
    private Optional<String> missing(HandlerFlow handler, Set<HandlerFlow> runnable, boolean computedSets) {
        for (Condition condition : handler.conditions()) {
            if (condition.kind() == Condition.Kind.WHEN_ALL) {
                for (String flag : condition.values()) {
                    if (!settable(flag, handler, runnable, computedSets, new HashSet<>())) {
                        return Optional.of(flag);
                    }
                }
            } else if (condition.kind() == Condition.Kind.WHEN_ANY && condition.values().stream()
                    .noneMatch(f -> settable(f, handler, runnable, computedSets, new HashSet<>()))) {
                return Optional.of(condition.values().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a source other than {@code needing} can set {@code flag}: the framework, a runnable handler, a trigger
     * of a runnable handler whose own flag is settable ({@code visiting} stops trigger cycles), or, when
     * {@code computedSets}, a computed name that may be it.
     */
    private boolean settable(String flag, HandlerFlow needing, Set<HandlerFlow> runnable, boolean computedSets,
            Set<String> visiting) {
        if (flow.automatic().sets(flag)
                || computedSets && !computedMatching(FlagUse.Effect.SET, flag).isEmpty()) {
            return true;
        }
        if (!visiting.add(flag)) {
            return false;
        }
        for (Source source : setters.getOrDefault(flag, List.of())) {
            boolean fires = source.fires()
                    .map(f -> f.computed() || settable(f.name(), needing, runnable, computedSets, visiting))
                    .orElse(true);
            if (source.handler() != needing && runnable.contains(source.handler()) && fires) {
                return true;
            }
        }
        return false;
    }

    private boolean settableByAnyone(String flag) {
        return flow.automatic().sets(flag) || setters.containsKey(flag);
    }

    /** The patterns of computed flags (and who uses them) that may be {@code flag}. */
    private List<String> computedMatching(FlagUse.Effect effect, String flag) {
        return computed.stream().filter(c -> c.effect() == effect && c.flag().mayBe(flag))
                .map(c -> c.flag().name() + " in " + c.handler().displayName()).distinct().toList();
    }

    private static String annotation(HandlerFlow handler, String flag) {
        return handler.flags(Condition.Kind.WHEN_ALL).contains(flag) ? "@When" : "@WhenAny";
    }

    /** Flags set (by a handler of the charm's own code or a trigger it registers) that nothing reads. */
    private void neverRead() {
        for (Map.Entry<String, List<Source>> entry : setters.entrySet()) {
            String flag = entry.getKey();
            if (read.contains(flag) || !computedMatching(FlagUse.Effect.READ, flag).isEmpty()) {
                continue;
            }
            for (Source source : entry.getValue()) {
                if (source.handler().layerJar().isPresent()) {
                    continue;
                }
                String by = source.fires().map(f -> "a trigger on " + f + " it registers sets").orElse("sets");
                findings.add(new LintFinding(Level.WARNING, NEVER_READ, source.handler().displayName(), flag,
                        by + " " + flag + ", which no handler condition, trigger or flag read uses; use the flag,"
                                + " or stop setting it"));
            }
        }
    }

    /** Pairs of flag-loop handlers that set and clear one flag back and forth forever. */
    private void flipFlops() {
        Map<String, List<HandlerFlow>> clearers = new LinkedHashMap<>();
        for (HandlerFlow handler : flow.handlers()) {
            if (inFlagLoopOnly(handler)) {
                handler.constants(FlagUse.Effect.CLEAR).stream()
                        .filter(flag -> requiresSet(handler, flag) && handler.always(FlagUse.Effect.CLEAR, flag))
                        .forEach(flag -> clearers.computeIfAbsent(flag, f -> new ArrayList<>()).add(handler));
            }
        }
        for (HandlerFlow setter : flow.handlers()) {
            if (!inFlagLoopOnly(setter)) {
                continue;
            }
            for (String flag : setter.flags(Condition.Kind.WHEN_NONE, Condition.Kind.WHEN_NOT_ALL)) {
                if (!requiresUnset(setter, flag) || !setter.always(FlagUse.Effect.SET, flag)) {
                    continue;
                }
                for (HandlerFlow clearer : clearers.getOrDefault(flag, List.of())) {
                    if (clearer != setter && steady(setter, clearer, flag)) {
                        findings.add(new LintFinding(Level.ERROR, FLIP_FLOP, setter.displayName(), flag,
                                "sets " + flag + " whenever it is not set, and " + clearer.displayName()
                                        + " clears it whenever it is set, both on every run: once both can run,"
                                        + " they flip " + flag + " back and forth until the iteration cap ends the"
                                        + " hook; guard one of them with another flag, or let one stop the other"));
                    }
                }
            }
        }
    }

    /** Only flag conditions: no hook, file, once-only or restricted-hook condition that would stop the loop. */
    private static boolean inFlagLoopOnly(HandlerFlow handler) {
        return handler.kind() == HandlerFlow.Kind.HANDLER
                && handler.conditions().stream().allMatch(c -> c.kind().watchesFlags());
    }

    private static boolean requiresUnset(HandlerFlow handler, String flag) {
        return handler.flags(Condition.Kind.WHEN_NONE).contains(flag) || handler.conditions().stream()
                .anyMatch(c -> c.kind() == Condition.Kind.WHEN_NOT_ALL && c.values().equals(List.of(flag)));
    }

    private static boolean requiresSet(HandlerFlow handler, String flag) {
        return handler.flags(Condition.Kind.WHEN_ALL).contains(flag) || handler.conditions().stream()
                .anyMatch(c -> c.kind() == Condition.Kind.WHEN_ANY && c.values().equals(List.of(flag)));
    }

    /**
     * Whether the other conditions of the pair can hold together and stay as they are while the two run: no flag
     * both required set and required unset, and neither handler sets or clears any flag of the other conditions.
     */
    private static boolean steady(HandlerFlow setter, HandlerFlow clearer, String flag) {
        Set<String> mustSet = new HashSet<>(setter.flags(Condition.Kind.WHEN_ALL));
        mustSet.addAll(clearer.flags(Condition.Kind.WHEN_ALL));
        Set<String> mustUnset = new HashSet<>(setter.flags(Condition.Kind.WHEN_NONE));
        mustUnset.addAll(clearer.flags(Condition.Kind.WHEN_NONE));
        mustSet.remove(flag);
        mustUnset.remove(flag);
        if (mustSet.stream().anyMatch(mustUnset::contains)) {
            return false;
        }
        Set<String> others = new HashSet<>();
        for (HandlerFlow handler : List.of(setter, clearer)) {
            handler.conditions().forEach(c -> others.addAll(c.values()));
        }
        others.remove(flag);
        for (HandlerFlow handler : List.of(setter, clearer)) {
            for (FlagUse use : handler.uses()) {
                if (use.effect() != FlagUse.Effect.READ && others.stream().anyMatch(use.flag()::mayBe)) {
                    return false;
                }
            }
            if (!handler.triggers().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Flags missing one side (read but never set, or set but never read) one edit away from one that has it. */
    private void typos() {
        Set<String> known = new TreeSet<>(read);
        known.addAll(setters.keySet());
        flow.automatic().rules().stream().map(r -> r.pattern()).filter(p -> !p.contains("*")).forEach(known::add);
        for (HandlerFlow handler : flow.handlers()) {
            Set<String> referenced = new LinkedHashSet<>();
            handler.conditions().stream().filter(c -> c.kind().watchesFlags()).forEach(c -> referenced.addAll(c.values()));
            handler.uses().stream().filter(u -> !u.flag().computed()).forEach(u -> referenced.add(u.flag().name()));
            for (String flag : referenced) {
                boolean unset = !settableByAnyone(flag) && computedMatching(FlagUse.Effect.SET, flag).isEmpty();
                boolean unread = handler.layerJar().isEmpty() && !read.contains(flag)
                        && computedMatching(FlagUse.Effect.READ, flag).isEmpty();
                if (!unset && !unread) {
                    continue;
                }
                List<String> near = known.stream()
                        .filter(other -> !other.equals(flag) && Math.abs(other.length() - flag.length()) <= 1
                                && Suggestions.distance(flag, other) == 1)
                        .filter(other -> unset ? settableByAnyone(other) : read.contains(other))
                        .toList();
                if (!near.isEmpty()) {
                    findings.add(new LintFinding(Level.WARNING, TYPO, handler.displayName(), flag,
                            flag + " is " + (unset ? "never set" : "never read") + ", and one edit away from "
                                    + near.get(0) + ", which is " + (unset ? "set" : "read")
                                    + ": a typo? (did you mean '" + near.get(0) + "'?)"));
                }
            }
        }
    }

    /** Flag names and triggers computed at run time, which lint cannot check. */
    private void computedNames() {
        for (Computed use : computed) {
            findings.add(new LintFinding(Level.INFO, COMPUTED, use.handler().displayName(), use.flag().name(),
                    use.description()));
        }
    }
}
