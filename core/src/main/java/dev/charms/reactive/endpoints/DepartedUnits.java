package dev.charms.reactive.endpoints;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.charms.reactive.state.UnitState;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The units that left an endpoint's relations and that the charm has not yet forgotten, oldest first, each with the
 * data it had published when it left. The runtime appends the departing unit in every
 * {@code <endpoint>-relation-departed} hook; the charm removes units once it has dealt with them. Kept in the unit
 * state: every change (add, remove, set, clear) is saved at once and committed with the hook.
 * <pre>{@code
 * @When("endpoint.{endpoint_name}.departed")
 * void forget(Flags flags) {
 *     allDepartedUnits().forEach(unit -> removeBackend((String) unit.received().get("host")));
 *     allDepartedUnits().clear();
 *     flags.clear(expandName("departed"));
 * }
 * }</pre>
 */
public final class DepartedUnits extends AbstractList<RelatedUnit> implements RandomAccess {
    private final UnitState state;
    private final String namespace;
    private final List<RelatedUnit> units = new ArrayList<>();

    DepartedUnits(UnitState state, String endpointName) {
        this.state = state;
        this.namespace = "endpoints.departed." + endpointName;
        state.namespace(namespace).filter(JsonElement::isJsonArray).ifPresent(saved -> {
            for (JsonElement e : saved.getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                Map<String, String> data = new LinkedHashMap<>();
                o.getAsJsonObject("data").entrySet().forEach(d -> data.put(d.getKey(), d.getValue().getAsString()));
                units.add(new RelatedUnit(o.get("relation").getAsString(), o.get("unit_name").getAsString(),
                        () -> data));
            }
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

    @Override
    public RelatedUnit set(int index, RelatedUnit unit) {
        RelatedUnit old = units.set(index, unit);
        save();
        return old;
    }

    @Override
    public void add(int index, RelatedUnit unit) {
        units.add(index, unit);
        save();
    }

    @Override
    public RelatedUnit remove(int index) {
        RelatedUnit old = units.remove(index);
        save();
        return old;
    }

    @Override
    protected void removeRange(int from, int to) {
        units.subList(from, to).clear();
        save();
    }

    /** Writes the list to the unit state; an empty list removes it. */
    private void save() {
        if (units.isEmpty()) {
            state.putNamespace(namespace, null);
            return;
        }
        JsonArray array = new JsonArray();
        for (RelatedUnit unit : units) {
            JsonObject o = new JsonObject();
            o.addProperty("relation", unit.relationId());
            o.addProperty("unit_name", unit.unitName());
            JsonObject data = new JsonObject();
            unit.receivedRaw().forEach(data::addProperty);
            o.add("data", data);
            array.add(o);
        }
        state.putNamespace(namespace, array);
    }
}
