package dev.charms.reactive.layers.flow;

import java.util.List;

/**
 * A trigger a handler registers ({@code Flags.registerTrigger}): when {@code flag} becomes set (or cleared, when
 * not {@code onSet}), the flags of {@code sets} are set and those of {@code clears} cleared.
 *
 * @param flag  the flag whose transition fires it; computed ({@code *}) when the trigger could not be followed
 * @param onSet true for {@code when}, false for {@code whenNot}
 * @param sets  the flags it sets, in order
 * @param clears the flags it clears, in order
 */
public record TriggerFlow(FlagRef flag, boolean onSet, List<FlagRef> sets, List<FlagRef> clears) {

    public TriggerFlow {
        sets = List.copyOf(sets);
        clears = List.copyOf(clears);
    }
}
