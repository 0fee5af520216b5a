package dev.charms.reactive.refresh.internal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which build of the charm code a unit runs: the charm version its author gave it and, when Juju's record of the
 * deployed charm is readable, its revision. Two units run the same code when both are equal.
 *
 * @param version the charm version, e.g. {@code 1/1.2.0}
 * @param revision the revision Juju deployed, e.g. 12; empty when unknown
 */
public record CharmCode(String version, OptionalInt revision) {

    /** Checks that nothing is null or blank. */
    public CharmCode {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(revision, "revision");
        if (version.isBlank()) {
            throw new IllegalArgumentException("a charm version cannot be blank");
        }
    }

    /** The code of this version without a known revision. */
    public static CharmCode of(String version) {
        return new CharmCode(version, OptionalInt.empty());
    }

    /** The code of this version and revision. */
    public static CharmCode of(String version, int revision) {
        return new CharmCode(version, OptionalInt.of(revision));
    }

    /**
     * The code named by relation data: a version and a revision as text, the revision empty or null when unknown.
     *
     * @param where what published the data, for the error, e.g. {@code unit kv/1}
     * @throws IllegalArgumentException if the revision is not a number
     */
    public static CharmCode fromData(String version, String revision, String where) {
        try {
            return new CharmCode(version, revision == null || revision.isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(revision)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " published the charm revision \"" + revision
                    + "\" in the refresh peer relation, which is not a number", e);
        }
    }

    /** The revision as relation data stores it; null (delete the key) when unknown. */
    public String revisionData() {
        return revision.isPresent() ? String.valueOf(revision.getAsInt()) : null;
    }

    /** One string naming this code, stored in relation data: {@code 1/1.2.0} or {@code 1/1.2.0@12}. */
    public String identity() {
        return revision.isPresent() ? version + "@" + revision.getAsInt() : version;
    }

    /** How statuses name the code: {@code Charm revision 12}, or {@code Charm version 1/1.2.0} without a revision. */
    public String describe() {
        return revision.isPresent() ? "Charm revision " + revision.getAsInt() : "Charm version " + version;
    }

    @Override
    public String toString() {
        return identity();
    }
}
