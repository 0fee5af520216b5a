package dev.charms.reactive.action;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.juju.JujuBackend;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The running action, for its {@code @Action} handler: the parameters (checked against {@code actions.yaml},
 * defaults applied), results, failure and progress messages.
 * <pre>{@code
 * @Action("backup")
 * void backup(ActionContext action, Flags flags) {
 *     String target = action.getString("target");
 *     action.log("backing up to " + target);                 // action-log
 *     action.set("backup.size", 1234);                       // action-set backup.size=1234
 *     if (!ok) {
 *         action.fail("target " + target + " is full");      // action-fail
 *     }
 *     flags.set("app.backed-up");                            // wakes @When("app.backed-up") in this run
 * }
 * }</pre>
 *
 * <p>Results, failure and log messages reach Juju when called, as the tools do. {@link #fail} marks the action
 * failed and does not stop the handler; the hook still succeeds, so the flags and state it changed are kept.
 * To fail the action <em>and</em> keep nothing, throw instead: the run fails and nothing is committed. Only
 * available while an action runs; a handler of a hook that asks for it fails with a clear error.
 */
@Injectable
public final class ActionContext {
    private static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of("stdout", "stdout-encoding", "stderr", "stderr-encoding");

    private final String name;
    private final Map<String, Object> params;
    private final JujuBackend backend;
    private String failure;

    /**
     * The context of action {@code name}.
     *
     * @param params the validated parameters with defaults (see {@link ActionSpec#validate}); values as JSON
     *     gives them (Long, Double, Boolean, String, List, Map)
     * @param backend where results, failure and log messages go
     */
    public ActionContext(String name, Map<String, Object> params, JujuBackend backend) {
        this.name = Objects.requireNonNull(name, "name");
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** The action's name, e.g. {@code backup}. */
    public String name() {
        return name;
    }

    /** Every parameter, defaults included; unmodifiable. Values may be null only if Juju passed null. */
    public Map<String, Object> params() {
        return params;
    }

    /** Whether the parameter was given or has a default. */
    public boolean has(String param) {
        return params.containsKey(param);
    }

    /** A {@code string} parameter; throws an IllegalArgumentException naming it if absent or not a string */
    public String getString(String param) {
        return get(param, String.class, "a string");
    }

    /** An {@code integer} parameter; throws an IllegalArgumentException naming it if absent or not integral */
    public long getLong(String param) {
        Number value = get(param, Number.class, "an integer");
        if (!ActionSpec.fits("integer", value)) {
            throw wrongType(param, "an integer", value);
        }
        return value.longValue();
    }

    /** A {@code number} parameter; throws an IllegalArgumentException naming it if absent or not a number */
    public double getDouble(String param) {
        return get(param, Number.class, "a number").doubleValue();
    }

    /** A {@code boolean} parameter; throws an IllegalArgumentException naming it if absent or not a boolean */
    public boolean getBoolean(String param) {
        return get(param, Boolean.class, "a boolean");
    }

    /** An {@code array} parameter, unmodifiable; throws an IllegalArgumentException naming it if absent or not an array */
    @SuppressWarnings("unchecked")
    public List<Object> getList(String param) {
        return Collections.unmodifiableList(get(param, List.class, "an array"));
    }

    /** An {@code object} parameter, unmodifiable; throws an IllegalArgumentException naming it if absent or not an object */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String param) {
        return Collections.unmodifiableMap(get(param, Map.class, "an object"));
    }

    private <T> T get(String param, Class<T> type, String expected) {
        Object value = params.get(param);
        if (value == null) {
            throw new IllegalArgumentException("action " + name + " has no parameter \"" + param + "\""
                    + (params.isEmpty() ? "" : "; it has " + String.join(", ", params.keySet()))
                    + ". Declare it in actions.yaml with a default, or check has(\"" + param + "\") first");
        }
        if (!type.isInstance(value)) {
            throw wrongType(param, expected, value);
        }
        return type.cast(value);
    }

    private IllegalArgumentException wrongType(String param, String expected, Object value) {
        return new IllegalArgumentException("parameter \"" + param + "\" of action " + name + " is " + value
                + ", not " + expected + "; fix its type in actions.yaml or read it with another getter");
    }

    /**
     * Sets a result with {@code action-set}. A dotted key nests ({@code backup.size} shows as {@code size} under
     * {@code backup}); a {@link Map} value sets one dotted key per entry, recursively; any other value is set as
     * its {@link String#valueOf}.
     *
     * @throws IllegalArgumentException for a key Juju rejects (each part lowercase letters, digits and inner
     *     hyphens; not {@code stdout}, {@code stderr} or their {@code -encoding})
     */
    public void set(String key, Object value) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten(key, value, flat);
        backend.actionSet(flat);
    }

    private void flatten(String key, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key + "." + k, v, out));
            return;
        }
        for (String part : key.split("\\.", -1)) {
            if (!KEY.matcher(part).matches()) {
                throw new IllegalArgumentException("result key \"" + key + "\" of action " + name + ": \"" + part
                        + "\" must start and end with a lowercase letter or digit and hold only those and hyphens");
            }
        }
        if (RESERVED.contains(key.split("\\.")[0])) {
            throw new IllegalArgumentException("result key \"" + key + "\" of action " + name + " is reserved by Juju"
                    + " (stdout, stderr and their -encoding); choose another name");
        }
        out.put(key, String.valueOf(value));
    }

    /**
     * Marks the action failed with {@code action-fail MESSAGE}. The handler goes on, and the run still commits
     * its flags and state; see the class comment.
     */
    public void fail(String message) {
        Objects.requireNonNull(message, "message");
        backend.actionFail(message);
        failure = message;
    }

    /** Whether {@link #fail} was called. */
    public boolean failed() {
        return failure != null;
    }

    /** Sends a progress message with {@code action-log}; the user sees it while the action runs. */
    public void log(String message) {
        backend.actionLog(Objects.requireNonNull(message, "message"));
    }
}
