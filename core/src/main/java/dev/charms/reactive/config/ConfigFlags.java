package dev.charms.reactive.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.internal.JsonTrees;
import dev.charms.reactive.state.UnitState;

/**
 * The automatic {@code config.*} flags, as layer-basic manages them. The hook runner calls {@link #atStart} before
 * the dispatch and {@link #atExit} after a successful one; charm code does not call these.
 *
 * <ul>
 *   <li>{@code config.changed} and {@code config.changed.<opt>}: the option's value differs from the last
 *       successful hook (every option in the first hook);</li>
 *   <li>{@code config.set.<opt>}: the value is truthy (not null, false, empty or zero);</li>
 *   <li>{@code config.default.<opt>}: the value equals the {@code config.yaml} default.</li>
 * </ul>
 * Options are visited in {@code config.yaml} order, {@code config.changed} is set before {@code .changed.<opt>},
 * and all of these flags are cleared at the end of every successful hook.
 */
public final class ConfigFlags {
    private ConfigFlags() {
    }

    /** Sets the flags for this hook. */
    public static void atStart(Config config, Flags flags) {
        setFlags(config, flags, true);
    }

    /**
     * Sets the flags for an action: {@code config.set.*} and {@code config.default.*}, but not
     * {@code config.changed*}. An action neither reports nor consumes a pending change (layer-basic #67): the
     * next hook reports it, and {@link #clear} at exit saves nothing.
     */
    public static void atStartOfAction(Config config, Flags flags) {
        setFlags(config, flags, false);
    }

    private static void setFlags(Config config, Flags flags, boolean changes) {
        for (ConfigOption option : config.options()) {
            String name = option.name();
            if (changes && config.changed(name)) {
                flags.set("config.changed");
                flags.set("config.changed." + name);
            }
            JsonElement value = config.value(name);
            flags.toggle("config.set." + name, truthy(value));
            flags.toggle("config.default." + name, Config.same(value, JsonTrees.toJsonTree(option.defaultValue())));
        }
    }

    /** Saves the configuration for the next hook's comparison, then clears every {@code config.*} flag. */
    public static void atExit(Config config, Flags flags, UnitState state) {
        state.savePreviousConfig(config.currentJson());
        clear(config, flags);
    }

    /** Clears every {@code config.*} flag without saving the configuration (the end of an action). */
    public static void clear(Config config, Flags flags) {
        flags.clear("config.changed");
        for (String name : config.names()) {
            flags.clear("config.changed." + name);
            flags.clear("config.set." + name);
            flags.clear("config.default." + name);
        }
    }

    private static boolean truthy(JsonElement value) {
        if (value.isJsonNull()) {
            return false;
        }
        if (value.isJsonArray()) {
            return !value.getAsJsonArray().isEmpty();
        }
        if (value.isJsonObject()) {
            return value.getAsJsonObject().size() > 0;
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble() != 0;
        }
        return !p.getAsString().isEmpty();
    }
}
