package dev.charms.reactive.juju;

import java.util.Objects;
import java.util.Optional;

/**
 * A hook's (or action's) name, with what it says: its {@link HookKind} and, for relation, storage and workload
 * hooks, the endpoint, storage or container it is about.
 *
 * <pre>{@code
 * HookName.ofHook("db-admin-relation-joined")  // RELATION_JOINED, subject "db-admin"
 * HookName.ofHook("install")                   // INSTALL, no subject
 * HookName.ofAction("backup")                  // ACTION, no subject
 * }</pre>
 *
 * @param name the name as Juju dispatched it, the action's name for an action; never null or empty
 * @param kind what kind of event it is; never null
 * @param subject the endpoint, storage or container name the hook is about; empty for other kinds
 */
public record HookName(String name, HookKind kind, Optional<String> subject) {

    /** Checks that the parts agree. */
    public HookName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a hook name cannot be empty");
        }
        if (subject.isPresent() != !kind.suffix().isEmpty()) {
            throw new IllegalArgumentException(kind + " hooks " + (subject.isPresent() ? "have no" : "need a")
                    + " subject, got " + subject + " for " + name);
        }
    }

    /**
     * Classifies a hook by its name: a unit hook by its exact name, a per-endpoint, storage or container hook
     * by its suffix (what comes before it is the subject), anything else {@link HookKind#OTHER}.
     */
    public static HookName ofHook(String name) {
        for (HookKind kind : HookKind.values()) {
            if (!kind.fixedName().isEmpty() && kind.fixedName().equals(name)) {
                return new HookName(name, kind, Optional.empty());
            }
            if (!kind.suffix().isEmpty() && name.endsWith(kind.suffix()) && name.length() > kind.suffix().length()) {
                return new HookName(name, kind, Optional.of(name.substring(0, name.length() - kind.suffix().length())));
            }
        }
        return new HookName(name, HookKind.OTHER, Optional.empty());
    }

    /** The name of the action {@code name}. */
    public static HookName ofAction(String name) {
        return new HookName(name, HookKind.ACTION, Optional.empty());
    }

    /** The endpoint of a relation hook; empty for other kinds. */
    public Optional<String> endpoint() {
        return kind.isRelation() ? subject : Optional.empty();
    }

    /** The name. */
    @Override
    public String toString() {
        return name;
    }
}
