package dev.charms.reactive.layers.juju;

import java.util.List;
import java.util.Map;

/** Models for the stub {@code juju}. */
public final class StubModels {

    private StubModels() {
    }

    /**
     * Model {@code prod}: machines 0, 1 and 2 on ubuntu@22.04; {@code db} (postgresql, refresh layer, pause after
     * the first unit, create-backup) on 14/stable at revision 420 with units 0 (leader), 1 and 2, one per machine;
     * {@code web} (nginx, no refresh layer) on stable at revision 41 with units 0 (leader) and 1 on machines 0 and
     * 1. Charmhub has postgresql 432 (14.9) in 14/stable and nginx 42 (1.26) in stable.
     */
    public static StubJuju.State prod() {
        StubJuju.State state = new StubJuju.State();
        state.charmhub.put("postgresql", charm(Map.of("14/stable", 432, "14/edge", 440),
                Map.of("420", "14.8", "432", "14.9", "440", "14.10")));
        state.charmhub.put("nginx", charm(Map.of("stable", 42), Map.of("41", "1.24", "42", "1.26")));
        for (String id : List.of("0", "1", "2")) {
            StubJuju.Machine machine = new StubJuju.Machine();
            machine.base = "ubuntu@22.04";
            machine.os = "22.04";
            state.machines.put(id, machine);
        }
        StubJuju.App db = app("db", "postgresql", "14/stable", 420, 3);
        db.refreshLayer = true;
        db.actions.addAll(List.of("create-backup", "force-refresh-start", "pre-refresh-check", "resume-refresh"));
        state.applications.put("db", db);
        state.applications.put("web", app("web", "nginx", "stable", 41, 2));
        return state;
    }

    private static StubJuju.Charm charm(Map<String, Integer> channels, Map<String, String> versions) {
        StubJuju.Charm charm = new StubJuju.Charm();
        charm.channels.putAll(channels);
        charm.versions.putAll(versions);
        return charm;
    }

    private static StubJuju.App app(String name, String charm, String channel, int revision, int units) {
        StubJuju.App app = new StubJuju.App();
        app.charm = charm;
        app.channel = channel;
        app.revision = revision;
        for (int i = 0; i < units; i++) {
            StubJuju.Unit unit = new StubJuju.Unit();
            unit.machine = Integer.toString(i);
            unit.leader = i == 0;
            unit.revision = revision;
            app.units.put(name + "/" + i, unit);
        }
        return app;
    }
}
