package dev.charms.reactive.endpoints;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.state.DataChanged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The base class of an interface implementation: one instance per relation name ("endpoint") of
 * {@code metadata.yaml} that the class implements, as its {@link dev.charms.reactive.EndpointInterface} says. The
 * runtime creates the instances at the start of every hook with the class's constructor without parameters, then
 * binds each to its endpoint; until then none of the methods here may be called (so not from a constructor).
 *
 * <p>Handlers declared in the class run once per endpoint, on that endpoint's instance, with {@code {endpoint_name}}
 * in their flags replaced by the endpoint name. Handlers elsewhere receive an instance by declaring a parameter of the
 * class (or {@link Endpoints} to choose among several).
 * <pre>{@code
 * @EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
 * public class HttpProvides extends Endpoint {
 *     @When("endpoint.{endpoint_name}.joined")
 *     void joined(Flags flags) {
 *         flags.set(expandName("{endpoint_name}.available"));
 *     }
 *
 *     public void configure(int port) {
 *         relations().forEach(r -> r.toPublish().put("port", port));
 *     }
 * }
 * }</pre>
 *
 * <p>Automatic flags, set at the start of every hook except restricted ones (endpoints in name order):
 * {@code endpoint.<name>.joined} while any remote unit is joined; {@code endpoint.<name>.departed} in a
 * {@code <name>-relation-departed} hook, cleared by a later hook in which the endpoint is joined; and
 * {@code endpoint.<name>.changed} and {@code endpoint.<name>.changed.<field>} when a joined unit's field has a value
 * it did not have when last seen. The runtime never clears the {@code changed} flags; handlers do. When the endpoint
 * was already joined and the hook is not one of its relation hooks, the data is not scanned and {@link #manageFlags()}
 * is not called.
 */
@Injectable
public abstract class Endpoint {
    private static final Comparator<RelatedUnit> UNIT_ORDER = Comparator.comparing(RelatedUnit::relationId)
            .thenComparing(RelatedUnit::unitName);

    private String name;
    private Endpoints endpoints;
    private List<Relation> created;
    private KeyList<Relation> relations;
    private DepartedUnits departed;

    /** For subclasses; the runtime binds the instance to its endpoint after construction. */
    protected Endpoint() {
    }

    /** Binds this instance to endpoint {@code name} for the hook {@code endpoints} belongs to. */
    final void bind(String name, Endpoints endpoints) {
        if (this.name != null) {
            throw new IllegalStateException(getClass().getName() + " is already bound to endpoint " + this.name);
        }
        this.name = name;
        this.endpoints = endpoints;
        this.created = endpoints.hook().backend().relationIds(name).stream()
                .map(id -> id.contains(":") ? id : name + ":" + id)
                .sorted()
                .map(id -> new Relation(id, this))
                .toList();
        this.relations = new KeyList<>(created, Relation::relationId, "relation");
        this.departed = new DepartedUnits(endpoints.hook().state(), name);
    }

    /** The endpoint (relation) name, e.g. {@code website}. */
    public final String endpointName() {
        bound();
        return name;
    }

    /** The endpoint's relations, sorted by relation id (string order), keyed by relation id. */
    public final KeyList<Relation> relations() {
        bound();
        return relations;
    }

    /** True when at least one remote unit is joined in any relation. */
    public final boolean isJoined() {
        return !allJoinedUnits().isEmpty();
    }

    /**
     * The remote units of every relation, sorted by relation id then unit name (string order, so {@code db:10}
     * comes before {@code db:2}).
     */
    public final RelatedUnits allJoinedUnits() {
        List<RelatedUnit> all = new ArrayList<>();
        relations().forEach(r -> all.addAll(r.joinedUnits()));
        all.sort(UNIT_ORDER);
        return new RelatedUnits(all, "the units of endpoint " + name);
    }

    /** The units that departed and that the charm has not removed from this list yet; changes are saved. */
    public final DepartedUnits allDepartedUnits() {
        bound();
        return departed;
    }

    /**
     * A flag name for this endpoint: {@code {endpoint_name}} is replaced by the endpoint name, and a flag without it
     * is first prefixed with {@code endpoint.{endpoint_name}.}. So on endpoint {@code db}, {@code "ready"} gives
     * {@code endpoint.db.ready} and {@code "{endpoint_name}.ready"} gives {@code db.ready}.
     */
    public final String expandName(String flag) {
        bound();
        String pattern = flag.contains("{endpoint_name}") ? flag : "endpoint.{endpoint_name}." + flag;
        return pattern.replace("{endpoint_name}", name);
    }

    /** The flags of the running hook, for subclasses' {@link #registerTriggers()} and {@link #manageFlags()}. */
    protected final Flags flags() {
        bound();
        return endpoints.hook().flags();
    }

    /**
     * Called at the start of every non-restricted hook, before this endpoint's automatic flags are set: register the
     * triggers on {@link #flags()} the endpoint needs (triggers last one hook).
     */
    protected void registerTriggers() {
    }

    /**
     * Called at the start of a hook after the automatic flags are set, to set the endpoint's own flags; skipped when
     * the endpoint was already joined and the hook is not one of its relation hooks.
     */
    protected void manageFlags() {
    }

    final HookContext hook() {
        bound();
        return endpoints.hook();
    }

    final EndpointEnvironment environment() {
        bound();
        return endpoints.environment();
    }

    /** The start-of-hook steps: triggers, departed units, automatic flags. */
    final void startup() {
        registerTriggers();
        manageDeparted();
        manageAutomaticFlags();
    }

    private void manageDeparted() {
        String hook = hook().hookName();
        if (!hook.startsWith(name + "-relation-") || !hook.endsWith("-departed")) {
            return;
        }
        String relationId = environment().relationId().orElseThrow(() -> new IllegalStateException(
                "hook " + hook + " has no relation id (JUJU_RELATION_ID), so endpoint " + name
                        + " cannot record the departed unit"));
        String unit = environment().remoteUnit().orElseThrow(() -> new IllegalStateException(
                "hook " + hook + " has no remote unit (JUJU_REMOTE_UNIT), so endpoint " + name
                        + " cannot record the departed unit"));
        Relation relation = relations.find(relationId).orElseThrow(() -> new IllegalStateException("hook " + hook
                + " is about relation " + relationId + ", but relation-ids " + name + " lists only "
                + relations.keys()));
        var data = hook().backend().relationGet(relationId, unit, false);
        departed.add(new RelatedUnit(relationId, unit, () -> data));
        if (relation.joinedUnits().isEmpty()) {
            relations = new KeyList<>(relations.stream().filter(r -> r != relation).toList(), Relation::relationId,
                    "relation");
        }
    }

    private void manageAutomaticFlags() {
        Flags flags = flags();
        String joined = "endpoint." + name + ".joined";
        boolean alreadyJoined = flags.isSet(joined);
        String hook = hook().hookName();
        boolean relationHook = hook.startsWith(name + "-relation-");
        boolean isJoined = isJoined();
        flags.toggle(joined, isJoined);
        if (relationHook && hook.endsWith("-departed")) {
            flags.set("endpoint." + name + ".departed");
        } else if (isJoined) {
            flags.clear("endpoint." + name + ".departed");
        }
        if (alreadyJoined && !relationHook) {
            return;
        }
        DataChanged dataChanged = new DataChanged(hook().state());
        for (RelatedUnit unit : allJoinedUnits()) {
            unit.receivedRaw().forEach((field, raw) -> {
                String key = "endpoint." + name + "." + unit.relationId() + "." + unit.unitName() + "." + field;
                if (dataChanged.changed(key, JsonDataView.element(raw))) {
                    flags.set("endpoint." + name + ".changed");
                    flags.set("endpoint." + name + ".changed." + field);
                }
            });
        }
        manageFlags();
    }

    /** Sends the modified relation data of every relation this hook started with. */
    final void publish() {
        created.forEach(Relation::publish);
    }

    private void bound() {
        if (name == null) {
            throw new IllegalStateException(getClass().getName() + " is not bound to an endpoint yet: the runtime"
                    + " binds endpoint instances after constructing them, so do not use them in a constructor");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (name == null ? "unbound" : name) + "]";
    }
}
