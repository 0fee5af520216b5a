package dev.charms.reactive.endpoints;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An unmodifiable list of remote units, sorted by relation id then unit name (string order, so {@code db:10}
 * comes before {@code db:2}), whose {@link #received()} merges their data: for each key, the first unit's value
 * wins.
 */
public final class RelatedUnits extends AbstractList<RelatedUnit> implements RandomAccess {
    private final List<RelatedUnit> units;
    private final UnitDataView receivedRaw;

    RelatedUnits(List<RelatedUnit> units, String description) {
        this.units = List.copyOf(units);
        this.receivedRaw = new UnitDataView(description, false, () -> {
            Map<String, String> merged = new LinkedHashMap<>();
            this.units.forEach(u -> u.receivedRaw().forEach(merged::putIfAbsent));
            return merged;
        });
    }

    @Override
    public RelatedUnit get(int index) {
        return units.get(index);
    }

    @Override
    public int size() {
        return units.size();
    }

    /** The unit names, in list order. */
    public List<String> unitNames() {
        return units.stream().map(RelatedUnit::unitName).toList();
    }

    /** The merged data of the units, as JSON values; read-only. */
    public JsonDataView received() {
        return new JsonDataView(receivedRaw);
    }

    /** The merged data of the units, as raw strings; read-only. */
    public UnitDataView receivedRaw() {
        return receivedRaw;
    }
}
