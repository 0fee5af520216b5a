package dev.charms.reactive.leadership;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.JujuBackend;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether this unit is the leader, and the application's leader settings, which only the leader may write.
 * <pre>{@code
 * @When("leadership.is_leader") @WhenNot("leadership.set.password")
 * void generatePassword(Leadership leadership) {
 *     leadership.set("password", newPassword());
 * }
 * }</pre>
 * Writes are visible at once through {@link #get} and {@link #settings}, set the {@code leadership.changed.<key>},
 * {@code leadership.changed} and {@code leadership.set.<key>} flags like any change, and reach Juju
 * ({@code leader-set}) only when the hook succeeds.
 */
@Injectable
public final class Leadership {
    private final JujuBackend backend;
    private final Flags flags;
    private Boolean leader;
    private Map<String, String> settings;
    private final Map<String, String> pending = new LinkedHashMap<>();

    /** Leadership read lazily from {@code backend}; writes update {@code flags}. The hook runner creates it. */
    public Leadership(JujuBackend backend, Flags flags) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.flags = Objects.requireNonNull(flags, "flags");
    }

    /** True when this unit is the leader ({@code is-leader}), as of the start of its first use in this hook. */
    public boolean isLeader() {
        if (leader == null) {
            leader = backend.isLeader();
        }
        return leader;
    }

    /** A leader setting, including this hook's writes; empty when unset. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(current().get(Objects.requireNonNull(key, "key")));
    }

    /** Every leader setting, sorted by key, including this hook's writes; unmodifiable. */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(new TreeMap<>(current()));
    }

    /**
     * Writes a leader setting, published with {@code leader-set} when the hook succeeds; a null value deletes it.
     *
     * @throws IllegalStateException when this unit is not the leader
     */
    public void set(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (!isLeader()) {
            throw new IllegalStateException("cannot set leader setting \"" + key + "\": this unit is not the leader. "
                    + "Only the leader may write leader settings; guard the handler with @When(\"leadership.is_leader\")");
        }
        String old = current().get(key);
        if (!Objects.equals(old, value)) {
            flags.set("leadership.changed." + key);
            flags.set("leadership.changed");
        }
        flags.toggle("leadership.set." + key, value != null);
        if (value == null) {
            current().remove(key);
        } else {
            current().put(key, value);
        }
        pending.put(key, value);
    }

    /** The settings as Juju reports them, with this hook's writes applied. */
    Map<String, String> current() {
        if (settings == null) {
            settings = new TreeMap<>(backend.leaderGet());
        }
        return settings;
    }

    /** This hook's writes, in order; null values delete. */
    Map<String, String> pending() {
        return pending;
    }

    JujuBackend backend() {
        return backend;
    }
}
