package dev.charms.reactive.config;

import java.util.Objects;
import java.util.Set;

/**
 * One option declared in {@code config.yaml}.
 *
 * @param name the option name
 * @param type {@code string}, {@code int}, {@code float}, {@code boolean} or {@code secret}
 * @param defaultValue the default: a String, Long, Double or Boolean matching the type, or null for none
 */
public record ConfigOption(String name, String type, Object defaultValue) {
    /** The types Juju accepts. */
    public static final Set<String> TYPES = Set.of("string", "int", "float", "boolean", "secret");

    public ConfigOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("config option \"" + name + "\" has type \"" + type
                    + "\"; use one of string, int, float, boolean, secret");
        }
    }

    /** A string option with a default (null for none). */
    public static ConfigOption string(String name, String defaultValue) {
        return new ConfigOption(name, "string", defaultValue);
    }

    /** An int option with a default (null for none). */
    public static ConfigOption integer(String name, Long defaultValue) {
        return new ConfigOption(name, "int", defaultValue);
    }

    /** A boolean option with a default (null for none). */
    public static ConfigOption bool(String name, Boolean defaultValue) {
        return new ConfigOption(name, "boolean", defaultValue);
    }
}
