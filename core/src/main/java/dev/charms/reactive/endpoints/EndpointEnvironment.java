package dev.charms.reactive.endpoints;

import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.juju.RelationId;
import dev.charms.reactive.juju.UnitName;
import java.util.Objects;
import java.util.Optional;

/**
 * What endpoints need to know about the running hook beyond its name: the local unit (whose data
 * {@link Relation#toPublish()} writes) and, in a relation hook, the relation and the remote unit
 * ({@code JUJU_RELATION_ID}, {@code JUJU_REMOTE_UNIT}), which a {@code -relation-departed} hook records as departed.
 *
 * @param unitName the local unit, e.g. {@code website/0}
 * @param relationId the relation of a relation hook, e.g. {@code db:3}; empty in other hooks
 * @param remoteUnit the remote unit of a relation hook; empty in other hooks
 */
public record EndpointEnvironment(String unitName, Optional<String> relationId, Optional<String> remoteUnit) {

    /** Checks the names. */
    public EndpointEnvironment {
        UnitName.parse(Objects.requireNonNull(unitName, "unitName"));
        Objects.requireNonNull(relationId, "relationId").ifPresent(RelationId::parse);
        Objects.requireNonNull(remoteUnit, "remoteUnit").ifPresent(UnitName::parse);
    }

    /** A hook that is not about a relation, run by {@code unitName}. */
    public static EndpointEnvironment of(String unitName) {
        return new EndpointEnvironment(unitName, Optional.empty(), Optional.empty());
    }

    /** A relation hook of {@code unitName} about {@code remoteUnit} in {@code relationId}. */
    public static EndpointEnvironment of(String unitName, String relationId, String remoteUnit) {
        return new EndpointEnvironment(unitName, Optional.of(relationId), Optional.of(remoteUnit));
    }

    /** From the hook's environment variables. */
    public static EndpointEnvironment of(HookEnvironment environment) {
        return new EndpointEnvironment(environment.unit().toString(),
                environment.relationId().map(RelationId::toString),
                environment.remoteUnit().map(UnitName::toString));
    }

    /** The local application: the unit name before the {@code /}. */
    public String applicationName() {
        return UnitName.parse(unitName).application();
    }
}
