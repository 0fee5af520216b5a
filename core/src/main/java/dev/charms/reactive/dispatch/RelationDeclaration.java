package dev.charms.reactive.dispatch;

import java.util.Objects;

/**
 * One relation declared in {@code metadata.yaml}, as {@code @Hook("{requires:mysql}-relation-joined")} patterns
 * need it.
 *
 * @param name the relation (endpoint) name, e.g. {@code db}
 * @param role which section declares it
 * @param interfaceName its interface, e.g. {@code mysql}
 */
public record RelationDeclaration(String name, Role role, String interfaceName) {

    /** The {@code metadata.yaml} sections that declare relations. */
    public enum Role {
        PROVIDES, REQUIRES, PEERS;

        /** The section's key in {@code metadata.yaml}: {@code provides}, {@code requires} or {@code peers}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RelationDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    /** Shorthand for a {@code provides} relation. */
    public static RelationDeclaration provides(String name, String interfaceName) {
        return new RelationDeclaration(name, Role.PROVIDES, interfaceName);
    }

    /** Shorthand for a {@code requires} relation. */
    public static RelationDeclaration requires(String name, String interfaceName) {
        return new RelationDeclaration(name, Role.REQUIRES, interfaceName);
    }

    /** Shorthand for a {@code peers} relation. */
    public static RelationDeclaration peers(String name, String interfaceName) {
        return new RelationDeclaration(name, Role.PEERS, interfaceName);
    }
}
