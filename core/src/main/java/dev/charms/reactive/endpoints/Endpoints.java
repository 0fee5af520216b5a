package dev.charms.reactive.endpoints;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.spi.HookContext;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The endpoint instances of one hook, by endpoint name: for handlers that must choose among several endpoints of one
 * class, or find the endpoint a flag belongs to.
 * <pre>{@code
 * @When("endpoint.backend-a.joined")
 * void configure(Endpoints endpoints) {
 *     HttpRequires backend = endpoints.get("backend-a", HttpRequires.class);
 * }
 * }</pre>
 */
@Injectable
public final class Endpoints {
    private final HookContext hook;
    private final EndpointEnvironment environment;
    private final SortedMap<String, Endpoint> byName = new TreeMap<>();

    Endpoints(HookContext hook, EndpointEnvironment environment, Map<String, Supplier<Endpoint>> factories) {
        this.hook = hook;
        this.environment = environment;
        new TreeMap<>(factories).forEach((name, factory) -> {
            Endpoint endpoint = factory.get();
            endpoint.bind(name, this);
            byName.put(name, endpoint);
        });
    }

    /** The endpoint with this name, or empty when no endpoint class implements a relation of that name. */
    public Optional<Endpoint> fromName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The endpoint with this name, as {@code type}.
     *
     * @throws NoSuchElementException when there is none, or it is not a {@code type}, naming the endpoints there are
     */
    public <T extends Endpoint> T get(String name, Class<T> type) {
        Endpoint endpoint = byName.get(name);
        if (!type.isInstance(endpoint)) {
            throw new NoSuchElementException("no endpoint " + name + " of type " + type.getName() + "; the endpoints"
                    + " are " + byName.values());
        }
        return type.cast(endpoint);
    }

    /**
     * The endpoint a set flag belongs to, or empty: for {@code endpoint.<name>.<rest>} the endpoint {@code <name>},
     * for any other dotted flag the endpoint named by its first part. Empty when the flag is not set, has no dot, or
     * names no endpoint.
     */
    public Optional<Endpoint> fromFlag(String flag) {
        if (!hook.flags().isSet(flag) || !flag.contains(".")) {
            return Optional.empty();
        }
        String[] parts = flag.split("\\.");
        return fromName(parts[0].equals("endpoint") && parts.length > 1 ? parts[1] : parts[0]);
    }

    /** Every endpoint, in name order. */
    public List<Endpoint> all() {
        return List.copyOf(byName.values());
    }

    HookContext hook() {
        return hook;
    }

    EndpointEnvironment environment() {
        return environment;
    }

    /** The start-of-hook steps of every endpoint, in name order. */
    void startup() {
        byName.values().forEach(Endpoint::startup);
    }

    /** Publishes the modified relation data of every endpoint, in name order. */
    void publish() {
        byName.values().forEach(Endpoint::publish);
    }
}
