package dev.charms.reactive.flags;

import com.google.gson.JsonElement;
import dev.charms.reactive.Injectable;
import dev.charms.reactive.internal.JsonTrees;
import dev.charms.reactive.state.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unit's flags: named booleans, each optionally carrying a JSON value, kept in the unit state and committed
 * with the hook.
 * <pre>{@code
 * @WhenNot("app.installed")
 * void install(Apt apt, Flags flags) {
 *     apt.install("app");
 *     flags.set("app.installed");
 *     flags.set("app.version", "2.4.1");
 * }
 * }</pre>
 *
 * <p>Setting a flag that is not set wakes, in the next iteration of the flag loop, the handlers that watch it;
 * setting it never adds a handler to the queue that is running. Clearing any flag, even one that is not set,
 * makes the dispatcher re-test the handlers still queued in the current iteration and drop those whose
 * conditions no longer hold. {@link Trigger}s fire synchronously on real transitions.
 *
 * <p>Flag names must not be blank or contain whitespace; every method checks them.
 */
@Injectable
public final class Flags {
    private final UnitState state;
    private final FlagObserver observer;
    private final Map<String, Reactions> setTriggers = new HashMap<>();
    private final Map<String, Reactions> clearTriggers = new HashMap<>();

    /**
     * Flags over {@code state}, reporting changes to {@code observer}. The hook runner creates one per hook;
     * tests may create their own.
     */
    public Flags(UnitState state, FlagObserver observer) {
        this.state = Objects.requireNonNull(state, "state");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Sets the flag without a value (an existing value is replaced by none). */
    public void set(String flag) {
        set(flag, null);
    }

    /**
     * Sets the flag with a value, which Gson serialises to JSON ({@code null} for no value). Changing the value of
     * a flag that is already set is silent: no watcher wakes and no trigger fires.
     */
    public void set(String flag, Object value) {
        FlagNames.check(flag);
        JsonElement json = JsonTrees.toJsonTree(value);
        if (state.setFlag(flag, json)) {
            observer.flagSet(flag);
            fire(setTriggers.get(flag));
        }
    }

    /** Clears the flag; clearing a flag that is not set changes nothing but still re-tests the queue. */
    public void clear(String flag) {
        FlagNames.check(flag);
        boolean wasSet = state.clearFlag(flag);
        if (wasSet) {
            observer.flagCleared(flag);
        }
        observer.clearRequested(flag);
        if (wasSet) {
            fire(clearTriggers.get(flag));
        }
    }

    /** Sets the flag when {@code shouldSet}, else clears it. */
    public void toggle(String flag, boolean shouldSet) {
        if (shouldSet) {
            set(flag);
        } else {
            clear(flag);
        }
    }

    /** True when the flag is set. */
    public boolean isSet(String flag) {
        return state.isSet(FlagNames.check(flag));
    }

    /** True when every flag is set; true for no flags. */
    public boolean allSet(String... flags) {
        return Stream.of(flags).allMatch(this::isSet);
    }

    /** True when at least one flag is set; false for no flags. */
    public boolean anySet(String... flags) {
        return Stream.of(flags).anyMatch(this::isSet);
    }

    /** The set flags, sorted by name. */
    public List<String> setFlags() {
        return List.copyOf(state.flags());
    }

    /** Those of the given flags that are not set, sorted by name, without duplicates. */
    public List<String> unsetAmong(String... flags) {
        return Stream.of(flags).filter(f -> !isSet(f)).distinct().sorted().toList();
    }

    /** The flag's value; empty when the flag is not set or was set without a value. */
    public Optional<JsonElement> value(String flag) {
        return state.flagValue(FlagNames.check(flag)).filter(v -> !v.isJsonNull());
    }

    /**
     * The flag's value converted with Gson; empty when the flag is not set or has no value.
     *
     * @throws com.google.gson.JsonSyntaxException when the value does not fit {@code type}
     */
    public <T> Optional<T> value(String flag, Class<T> type) {
        return value(flag).map(v -> JsonTrees.gson().fromJson(v, type));
    }

    /**
     * Registers a trigger for the rest of this hook. Registering the same target or callback twice for one flag
     * has no further effect. When a flag's triggers fire, every flag to set is set (recursively firing its own
     * triggers), then every flag to clear is cleared, then every callback runs, each group in registration order.
     */
    public void registerTrigger(Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        Reactions reactions = trigger.when().isPresent()
                ? setTriggers.computeIfAbsent(trigger.when().get(), f -> new Reactions())
                : clearTriggers.computeIfAbsent(trigger.whenNot().orElseThrow(), f -> new Reactions());
        reactions.setFlags.addAll(trigger.setFlags());
        reactions.clearFlags.addAll(trigger.clearFlags());
        reactions.callbacks.addAll(trigger.callbacks());
    }

    /** Forgets every trigger; the hook runner calls it at the end of each successful hook. */
    public void clearTriggers() {
        setTriggers.clear();
        clearTriggers.clear();
    }

    private void fire(Reactions reactions) {
        if (reactions == null) {
            return;
        }
        new ArrayList<>(reactions.setFlags).forEach(this::set);
        new ArrayList<>(reactions.clearFlags).forEach(this::clear);
        new ArrayList<>(reactions.callbacks).forEach(Runnable::run);
    }

    private static final class Reactions {
        private final Set<String> setFlags = new LinkedHashSet<>();
        private final Set<String> clearFlags = new LinkedHashSet<>();
        private final Set<Runnable> callbacks = new LinkedHashSet<>();
    }
}
