package dev.charms.reactive.endpoints;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A remote unit in a relation, joined or departed, with the data it published. Read-only.
 * <pre>{@code
 * for (RelatedUnit unit : endpoint.allJoinedUnits()) {
 *     String host = (String) unit.received().get("host");
 * }
 * }</pre>
 */
public final class RelatedUnit {
    private final String relationId;
    private final String unitName;
    private final UnitDataView receivedRaw;
    private final JsonDataView received;

    RelatedUnit(String relationId, String unitName, Supplier<Map<String, String>> data) {
        this.relationId = relationId;
        this.unitName = unitName;
        this.receivedRaw = new UnitDataView(unitName + " in " + relationId, false, data);
        this.received = new JsonDataView(receivedRaw);
    }

    /** The relation the unit is (or was) in, e.g. {@code db:3}. */
    public String relationId() {
        return relationId;
    }

    /** The unit's name, e.g. {@code mysql/0}. */
    public String unitName() {
        return unitName;
    }

    /** The unit's application: its name before the {@code /}. */
    public String applicationName() {
        int slash = unitName.indexOf('/');
        return slash < 0 ? unitName : unitName.substring(0, slash);
    }

    /** The unit's data as JSON values; read-only. */
    public JsonDataView received() {
        return received;
    }

    /** The unit's data as raw strings; read-only. */
    public UnitDataView receivedRaw() {
        return receivedRaw;
    }

    @Override
    public String toString() {
        return unitName + " in " + relationId;
    }
}
