package dev.charms.reactive.layers.flow;

import dev.charms.reactive.spi.Condition;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One handler as the analysis sees it: its conditions (from the handler index, {@code {endpoint_name}} filled in
 * for an endpoint binding) and what its code does with flags.
 *
 * @param id          the handler id, {@code fully.qualified.Class.method}, with {@code :<endpoint>} for a binding of
 *                    an endpoint class's handler
 * @param displayName {@code SimpleClass.method}, with the same suffix
 * @param kind        handler, action handler, or an endpoint's start-of-hook method
 * @param conditions  the conditions, as the runtime evaluates them
 * @param notUnless   the flags of {@code @NotUnless} (an assertion, not a condition)
 * @param uses        what the code does with flags
 * @param triggers    the triggers the code registers
 * @param layerJar    the file name of the layer jar (one holding {@code reactive-layer/layer.yaml} or
 *                    {@code interface.yaml}) that the handler's class comes from; empty for the charm's own code
 */
public record HandlerFlow(String id, String displayName, Kind kind, List<Condition> conditions,
        List<String> notUnless, List<FlagUse> uses, List<TriggerFlow> triggers, Optional<String> layerJar) {

    public HandlerFlow {
        conditions = List.copyOf(conditions);
        notUnless = List.copyOf(notUnless);
        uses = List.copyOf(uses);
        triggers = List.copyOf(triggers);
    }

    /** What kind of code a {@link HandlerFlow} is. */
    public enum Kind {
        /** A handler with conditions. */
        HANDLER,
        /** An {@code @Action} handler. */
        ACTION,
        /** {@code registerTriggers} or {@code manageFlags} of an endpoint class: runs at the start of every hook. */
        ENDPOINT_STARTUP
    }

    /** The flags of this handler's conditions of the given kinds, in order, without duplicates. */
    public Set<String> flags(Condition.Kind... kinds) {
        Set<String> flags = new LinkedHashSet<>();
        List<Condition.Kind> wanted = Arrays.asList(kinds);
        for (Condition condition : conditions) {
            if (wanted.contains(condition.kind())) {
                flags.addAll(condition.values());
            }
        }
        return flags;
    }

    /** The flags the code may set (constants only), in order, without duplicates. */
    public Set<String> constants(FlagUse.Effect effect) {
        Set<String> flags = new LinkedHashSet<>();
        for (FlagUse use : uses) {
            if (use.effect() == effect && !use.flag().computed()) {
                flags.add(use.flag().name());
            }
        }
        return flags;
    }

    /** True when the code always sets ({@code effect} SET) or clears {@code flag} before it returns normally. */
    public boolean always(FlagUse.Effect effect, String flag) {
        return uses.stream().anyMatch(u -> u.effect() == effect && !u.conditional() && !u.flag().computed()
                && u.flag().name().equals(flag));
    }
}
