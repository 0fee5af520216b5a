package dev.charms.reactive.layers.flow;

/**
 * One thing a handler's code does with a flag through the flags API.
 *
 * @param effect      set, clear or read
 * @param flag        the flag
 * @param conditional false only when every normal return of the handler passes through the call (and the name is
 *                    a single constant); a call inside a branch, a loop, a lambda or a toggle is conditional
 */
public record FlagUse(Effect effect, FlagRef flag, boolean conditional) {

    /** What the code does with the flag. */
    public enum Effect {
        /** {@code Flags.set}, {@code Flags.toggle}, or a flag {@code Leadership.set} sets. */
        SET,
        /** {@code Flags.clear} or {@code Flags.toggle}. */
        CLEAR,
        /** {@code Flags.isSet}, {@code allSet}, {@code anySet}, {@code unsetAmong} or {@code value}. */
        READ
    }
}
