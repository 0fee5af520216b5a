package dev.charms.reactive.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reaction to a flag transition that runs synchronously inside {@link Flags#set} or {@link Flags#clear}, before
 * the caller continues, as {@code register_trigger} does in charms.reactive.
 * <pre>{@code
 * flags.registerTrigger(Trigger.builder().when("db.changed").clearFlag("app.configured").build());
 * }</pre>
 * A trigger fires only on a real transition: registering one for a flag that is already set does nothing until
 * the flag is cleared and set again. Triggers last for the current hook only; register them again in every hook.
 *
 * @param when the flag whose setting fires it, if this is a set-trigger
 * @param whenNot the flag whose clearing fires it, if this is a clear-trigger
 * @param setFlags flags to set when it fires, in order
 * @param clearFlags flags to clear when it fires, in order
 * @param callbacks code to run when it fires, in order
 */
public record Trigger(Optional<String> when, Optional<String> whenNot, List<String> setFlags, List<String> clearFlags,
        List<Runnable> callbacks) {

    /** Validates with the messages charms.reactive uses. */
    public Trigger {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(whenNot, "whenNot");
        setFlags = List.copyOf(setFlags);
        clearFlags = List.copyOf(clearFlags);
        callbacks = List.copyOf(callbacks);
        if (when.isEmpty() && whenNot.isEmpty()) {
            throw new IllegalArgumentException("Must provide one of when or when_not");
        }
        if (when.isPresent() && whenNot.isPresent()) {
            throw new IllegalArgumentException("Only one of when or when_not can be provided");
        }
        if (setFlags.isEmpty() && clearFlags.isEmpty() && callbacks.isEmpty()) {
            throw new IllegalArgumentException("Must provide at least one of set_flag, clear_flag, or callback");
        }
        when.ifPresent(FlagNames::check);
        whenNot.ifPresent(FlagNames::check);
        setFlags.forEach(FlagNames::check);
        clearFlags.forEach(FlagNames::check);
    }

    /** Starts a trigger; {@link Builder#build()} validates it. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link Trigger}. Each method may be called more than once to add more. */
    public static final class Builder {
        private String when;
        private String whenNot;
        private final List<String> setFlags = new ArrayList<>();
        private final List<String> clearFlags = new ArrayList<>();
        private final List<Runnable> callbacks = new ArrayList<>();

        private Builder() {
        }

        /** Fire when this flag becomes set. */
        public Builder when(String flag) {
            this.when = flag;
            return this;
        }

        /** Fire when this flag becomes unset. */
        public Builder whenNot(String flag) {
            this.whenNot = flag;
            return this;
        }

        /** Set this flag when firing. */
        public Builder setFlag(String flag) {
            setFlags.add(flag);
            return this;
        }

        /** Clear this flag when firing. */
        public Builder clearFlag(String flag) {
            clearFlags.add(flag);
            return this;
        }

        /** Run this when firing. */
        public Builder callback(Runnable callback) {
            callbacks.add(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /** Validates and builds. */
        public Trigger build() {
            return new Trigger(Optional.ofNullable(when), Optional.ofNullable(whenNot), setFlags, clearFlags, callbacks);
        }
    }
}
