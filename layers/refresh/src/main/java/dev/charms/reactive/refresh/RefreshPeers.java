package dev.charms.reactive.refresh;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.endpoints.Endpoint;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.endpoints.Relation;
import dev.charms.reactive.endpoints.UnitDataView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer relation the units of an application coordinate their refresh through (endpoint {@code refresh},
 * interface {@code refresh}, declared by the layer's {@code metadata.yaml}). Each unit publishes its own record; the
 * leader publishes the original versions in the application data. The layer's handlers use it; charms need not.
 */
@EndpointInterface(value = "refresh", role = EndpointInterface.Role.PEERS)
public final class RefreshPeers extends Endpoint {

    /** Clears the {@code changed} flags, which nobody needs: the layer reads every unit's data in every hook. */
    @Override
    protected void manageFlags() {
        String changed = expandName("changed");
        flags().setFlags().stream().filter(f -> f.equals(changed) || f.startsWith(changed + "."))
                .forEach(flags()::clear);
    }

    /** The peer relation; empty until Juju has created it (in the first hooks of a unit). */
    Optional<Relation> relation() {
        return relations().stream().findFirst();
    }

    /** What each other unit published, by unit name. */
    Map<String, Map<String, String>> peerData() {
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        relation().ifPresent(r -> r.joinedUnits().forEach((RelatedUnit unit) -> data.put(unit.unitName(),
                unit.receivedRaw())));
        return data;
    }

    /** What this unit published (and publishes at the end of the hook). */
    Map<String, String> ownData() {
        return relation().map(r -> (Map<String, String>) r.toPublishRaw()).orElse(Map.of());
    }

    /** The application's data. */
    Map<String, String> applicationData() {
        return relation().map(r -> (Map<String, String>) r.toPublishAppRaw()).orElse(Map.of());
    }

    /** Publishes these keys of this unit's data (null deletes), touching only those that change. */
    void publish(Map<String, String> data) {
        relation().ifPresent(r -> update(r.toPublishRaw(), data));
    }

    /** Publishes these keys of the application's data (null deletes); only the leader may. */
    void publishApplication(Map<String, String> data) {
        relation().ifPresent(r -> update(r.toPublishAppRaw(), data));
    }

    private static void update(UnitDataView view, Map<String, String> data) {
        data.forEach((key, value) -> {
            if (!Objects.equals(view.get(key), value)) {
                view.put(key, value);
            }
        });
    }
}
