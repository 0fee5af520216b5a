package dev.charms.reactive.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.charms.reactive.Injectable;
import dev.charms.reactive.internal.JsonTrees;
import dev.charms.reactive.internal.Suggestions;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The charm's configuration as {@code config-get --all} reports it for this hook, and what it was in the last
 * successful hook.
 * <pre>{@code
 * @When({"app.installed", "config.changed.port"})
 * void reconfigure(Config config, Files files) {
 *     files.write("/etc/app.conf", "port=" + config.getInt("port"), 0644);
 * }
 * }</pre>
 * The typed getters throw when the option has no value or a value of another type; {@link #get} returns an
 * empty Optional for an option without a value. Naming an option that {@code config.yaml} does not declare is an
 * error with a "did you mean" hint.
 */
@Injectable
public final class Config {
    private final List<ConfigOption> options;
    private final JsonObject current;
    private final JsonObject previous;

    /**
     * @param options the declarations of {@code config.yaml}, in file order
     * @param current the values from {@code config-get --all}; unset options may be absent or null
     * @param previous the values saved by the last successful hook, or empty before the first one
     */
    public Config(List<ConfigOption> options, Map<String, ?> current, Optional<JsonObject> previous) {
        this.options = List.copyOf(options);
        this.current = JsonTrees.toJsonTree(Objects.requireNonNull(current, "current")).getAsJsonObject();
        this.previous = previous.map(JsonObject::deepCopy).orElse(null);
    }

    /** The option's value: a String, Long, Double or Boolean; empty when it has none. */
    public Optional<Object> get(String option) {
        return Optional.of(value(option)).filter(v -> !v.isJsonNull()).map(v -> plain(option, v));
    }

    /** The value of a string (or secret) option. */
    public String getString(String option) {
        JsonPrimitive v = required(option);
        if (!v.isString()) {
            throw wrongType(option, v, "a string");
        }
        return v.getAsString();
    }

    /** The value of an int option that fits in an int. */
    public int getInt(String option) {
        long value = getLong(option);
        if (value != (int) value) {
            throw wrongType(option, required(option), "an int (it is too large; use getLong)");
        }
        return (int) value;
    }

    /** The value of an int option. */
    public long getLong(String option) {
        JsonPrimitive v = required(option);
        if (!v.isNumber()) {
            throw wrongType(option, v, "a whole number");
        }
        try {
            return v.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(option, v, "a whole number");
        }
    }

    /** The value of a float (or int) option. */
    public double getDouble(String option) {
        JsonPrimitive v = required(option);
        if (!v.isNumber()) {
            throw wrongType(option, v, "a number");
        }
        return v.getAsDouble();
    }

    /** The value of a boolean option. */
    public boolean getBoolean(String option) {
        JsonPrimitive v = required(option);
        if (!v.isBoolean()) {
            throw wrongType(option, v, "a boolean");
        }
        return v.getAsBoolean();
    }

    /** True when the value differs from the last successful hook's, and for every option in the first hook. */
    public boolean changed(String option) {
        JsonElement now = value(option);
        return previous == null || !same(now, previous.get(option));
    }

    /** The value in the last successful hook; empty before the first one or when it had none. */
    public Optional<Object> previous(String option) {
        value(option);
        return Optional.ofNullable(previous).map(p -> p.get(option)).filter(v -> !v.isJsonNull())
                .map(v -> plain(option, v));
    }

    /** The declared options, in {@code config.yaml} order. */
    public List<ConfigOption> options() {
        return options;
    }

    /** Every option name known this hook: the declared ones, then any others {@code config-get} reported. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        options.forEach(o -> names.add(o.name()));
        names.addAll(current.keySet());
        return names;
    }

    /** The current values, to be saved for the next hook. */
    JsonObject currentJson() {
        return current.deepCopy();
    }

    /** The raw current value; JSON null when unset. */
    JsonElement value(String option) {
        Objects.requireNonNull(option, "option");
        JsonElement v = current.get(option);
        if (v == null && names().stream().noneMatch(option::equals)) {
            throw new IllegalArgumentException("config option \"" + option + "\" is not declared in config.yaml"
                    + suggestion(option));
        }
        return v == null ? JsonNull.INSTANCE : v;
    }

    static boolean same(JsonElement a, JsonElement b) {
        JsonElement left = a == null ? JsonNull.INSTANCE : a;
        JsonElement right = b == null ? JsonNull.INSTANCE : b;
        return left.equals(right);
    }

    private JsonPrimitive required(String option) {
        JsonElement v = value(option);
        if (v.isJsonNull()) {
            throw new IllegalStateException("config option \"" + option + "\" has no value and no default; "
                    + "use config.get(\"" + option + "\") to handle that, or give it a default in config.yaml");
        }
        if (!v.isJsonPrimitive()) {
            throw wrongType(option, v, "a plain value");
        }
        return v.getAsJsonPrimitive();
    }

    private static IllegalStateException wrongType(String option, JsonElement v, String expected) {
        return new IllegalStateException("config option \"" + option + "\" is " + v + ", not " + expected);
    }

    private Object plain(String option, JsonElement v) {
        JsonPrimitive p = v.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        BigDecimal number = p.getAsBigDecimal();
        boolean declaredFloat = options.stream().anyMatch(o -> o.name().equals(option) && o.type().equals("float"));
        return declaredFloat || number.stripTrailingZeros().scale() > 0
                ? (Object) number.doubleValue()
                : (Object) number.longValueExact();
    }

    private String suggestion(String option) {
        return names().stream()
                .filter(n -> Suggestions.distance(n, option) <= 2)
                .findFirst()
                .map(n -> "; did you mean \"" + n + "\"?")
                .orElse("; declared options: " + String.join(", ", names()));
    }
}
