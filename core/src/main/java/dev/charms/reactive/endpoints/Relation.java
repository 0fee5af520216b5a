package dev.charms.reactive.endpoints;

import dev.charms.reactive.juju.JujuBackend;
import java.util.List;

/**
 * One relation of an endpoint: its remote units, the data they and their application published, and the data this
 * unit and its application publish. Data is read from Juju on first use and cached for the hook; what is written
 * to {@link #toPublish()} or {@link #toPublishApp()} is published with {@code relation-set} when the hook succeeds,
 * the whole settings in one call per view, and never when it fails.
 * <pre>{@code
 * Relation relation = endpoint.relations().get("website:3");
 * relation.toPublish().put("port", 8080);
 * if (isLeader) {
 *     relation.toPublishApp().put("url", "http://example.com");
 * }
 * }</pre>
 */
public final class Relation {
    private final String relationId;
    private final Endpoint endpoint;
    private final UnitDataView toPublishRaw;
    private final UnitDataView toPublishAppRaw;
    private RelatedUnits joinedUnits;
    private UnitDataView receivedAppRaw;

    Relation(String relationId, Endpoint endpoint) {
        this.relationId = relationId;
        this.endpoint = endpoint;
        String unit = endpoint.environment().unitName();
        String app = endpoint.environment().applicationName();
        this.toPublishRaw = new UnitDataView(unit + " in " + relationId, true,
                () -> endpoint.hook().backend().relationGet(relationId, unit, false));
        this.toPublishAppRaw = new UnitDataView(app + " in " + relationId, true,
                () -> endpoint.hook().backend().relationGet(relationId, app, true));
    }

    /** The relation id, e.g. {@code db:3}. */
    public String relationId() {
        return relationId;
    }

    /** The local endpoint name: the relation id's part before the colon. */
    public String endpointName() {
        return relationId.substring(0, relationId.indexOf(':'));
    }

    /** The endpoint this relation belongs to. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The remote application's name, taken from the first joined unit. With no joined unit it is this unit's own
     * application name, as in charms.reactive.
     */
    public String applicationName() {
        List<RelatedUnit> units = joinedUnits();
        return units.isEmpty() ? endpoint.environment().applicationName() : units.get(0).applicationName();
    }

    /** The remote units in the relation ({@code relation-list}), sorted by unit name (string order). */
    public RelatedUnits joinedUnits() {
        if (joinedUnits == null) {
            JujuBackend backend = endpoint.hook().backend();
            joinedUnits = new RelatedUnits(backend.relationList(relationId).stream().sorted()
                    .map(unit -> new RelatedUnit(relationId, unit, () -> backend.relationGet(relationId, unit, false)))
                    .toList(), "the units of " + relationId);
        }
        return joinedUnits;
    }

    /** This unit's data in the relation as JSON values; writable. */
    public JsonDataView toPublish() {
        return new JsonDataView(toPublishRaw);
    }

    /** This unit's data in the relation as raw strings; writable. */
    public UnitDataView toPublishRaw() {
        return toPublishRaw;
    }

    /** This application's data in the relation as JSON values; writable, but only the leader may publish it. */
    public JsonDataView toPublishApp() {
        return new JsonDataView(toPublishAppRaw);
    }

    /** This application's data as raw strings; writable, but only the leader may publish it. */
    public UnitDataView toPublishAppRaw() {
        return toPublishAppRaw;
    }

    /** The remote application's data as JSON values; read-only. */
    public JsonDataView receivedApp() {
        return new JsonDataView(receivedAppRaw());
    }

    /** The remote application's data as raw strings; read-only. */
    public UnitDataView receivedAppRaw() {
        if (receivedAppRaw == null) {
            String app = applicationName();
            receivedAppRaw = new UnitDataView(app + " in " + relationId, false,
                    () -> endpoint.hook().backend().relationGet(relationId, app, true));
        }
        return receivedAppRaw;
    }

    /** Sends the modified views with {@code relation-set}: the unit's, then the application's. */
    void publish() {
        JujuBackend backend = endpoint.hook().backend();
        if (toPublishRaw.isModified()) {
            backend.relationSet(relationId, toPublishRaw.publication(), false);
        }
        if (toPublishAppRaw.isModified()) {
            backend.relationSet(relationId, toPublishAppRaw.publication(), true);
        }
    }

    @Override
    public String toString() {
        return relationId;
    }
}
