package dev.charms.reactive.testing;

import dev.charms.reactive.juju.RelationId;
import dev.charms.reactive.juju.UnitName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One relation as a harness declares it before a hook: its id, the remote application and units with the data they
 * published, and the data this unit and its application published. Immutable; each method returns a copy.
 * <pre>{@code
 * RelationState db = RelationState.of("db:0", "mysql")
 *         .unit("mysql/0", Map.of("host", "10.0.0.5"))
 *         .appData(Map.of("database", "\"shop\""));
 * Result result = Harness.of(DbRequires.class).relations(RelationDeclaration.requires("db", "mysql"))
 *         .relation(db).hook("db-relation-changed").relationContext("db:0", "mysql/0").run();
 * }</pre>
 */
public final class RelationState {
    private final String relationId;
    private final String remoteApplication;
    private final Map<String, Map<String, String>> joined;
    private final Map<String, Map<String, String>> departed;
    private final Map<String, String> appData;
    private final Map<String, String> localUnitData;
    private final Map<String, String> localAppData;

    private RelationState(String relationId, String remoteApplication, Map<String, Map<String, String>> joined,
            Map<String, Map<String, String>> departed, Map<String, String> appData,
            Map<String, String> localUnitData, Map<String, String> localAppData) {
        this.relationId = relationId;
        this.remoteApplication = remoteApplication;
        this.joined = Collections.unmodifiableMap(joined);
        this.departed = Collections.unmodifiableMap(departed);
        this.appData = Collections.unmodifiableMap(appData);
        this.localUnitData = Collections.unmodifiableMap(localUnitData);
        this.localAppData = Collections.unmodifiableMap(localAppData);
    }

    /** A relation with no units and no data, e.g. {@code of("db:0", "mysql")}. */
    public static RelationState of(String relationId, String remoteApplication) {
        RelationId.parse(relationId);
        if (!UnitName.isApplicationName(remoteApplication)) {
            throw new IllegalArgumentException("\"" + remoteApplication + "\" is not an application name");
        }
        return new RelationState(relationId, remoteApplication, new LinkedHashMap<>(), new LinkedHashMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Adds a joined remote unit (listed by {@code relation-list}) with its data. */
    public RelationState unit(String unitName, Map<String, String> data) {
        UnitName.parse(unitName);
        Map<String, Map<String, String>> units = new LinkedHashMap<>(joined);
        units.put(unitName, new TreeMap<>(data));
        return new RelationState(relationId, remoteApplication, units, departed, appData, localUnitData, localAppData);
    }

    /**
     * Adds a remote unit that is leaving: not listed by {@code relation-list}, but its data can still be read, as in
     * its {@code -relation-departed} hook.
     */
    public RelationState departingUnit(String unitName, Map<String, String> data) {
        UnitName.parse(unitName);
        Map<String, Map<String, String>> units = new LinkedHashMap<>(departed);
        units.put(unitName, new TreeMap<>(data));
        return new RelationState(relationId, remoteApplication, joined, units, appData, localUnitData, localAppData);
    }

    /** The remote application's data. */
    public RelationState appData(Map<String, String> data) {
        return new RelationState(relationId, remoteApplication, joined, departed, new TreeMap<>(data), localUnitData,
                localAppData);
    }

    /** This unit's data in the relation before the hook. */
    public RelationState localUnitData(Map<String, String> data) {
        return new RelationState(relationId, remoteApplication, joined, departed, appData, new TreeMap<>(data),
                localAppData);
    }

    /** This application's data in the relation before the hook. */
    public RelationState localAppData(Map<String, String> data) {
        return new RelationState(relationId, remoteApplication, joined, departed, appData, localUnitData,
                new TreeMap<>(data));
    }

    /** The relation id, e.g. {@code db:0}. */
    public String relationId() {
        return relationId;
    }

    String remoteApplication() {
        return remoteApplication;
    }

    Map<String, Map<String, String>> joined() {
        return joined;
    }

    Map<String, Map<String, String>> departing() {
        return departed;
    }

    Map<String, String> appData() {
        return appData;
    }

    Map<String, String> localUnitData() {
        return localUnitData;
    }

    Map<String, String> localAppData() {
        return localAppData;
    }

    @Override
    public String toString() {
        return relationId + " with " + remoteApplication + ": units " + joined.keySet() + ", departing "
                + departed.keySet();
    }
}
