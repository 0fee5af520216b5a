package dev.charms.reactive.samples.greeting;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.endpoints.Relation;
import java.util.Map;
import java.util.TreeMap;

/**
 * The greeting side of interface:greeting: publishes a greeting and the port it is served on to every listener, and
 * reads their replies. Flags {@code <endpoint>.connected} and {@code <endpoint>.updated}: see
 * {@link GreetingEndpoint}.
 * <pre>{@code
 * @When("greeting.updated")
 * void greet(GreetingProvides greeting, Config config, Flags flags) {
 *     greeting.publish(config.getString("greeting"), config.getInt("port"));
 *     flags.clear("greeting.updated");
 * }
 * }</pre>
 */
@EndpointInterface(value = "greeting", role = EndpointInterface.Role.PROVIDES)
public class GreetingProvides extends GreetingEndpoint {

    /** Publishes {@code greeting} and {@code port} in every relation of the endpoint, when the hook succeeds. */
    public void publish(String greeting, int port) {
        for (Relation relation : relations()) {
            relation.toPublish().put("greeting", greeting);
            relation.toPublish().put("port", port);
        }
    }

    /** Each listener unit's reply, by unit name in string order; units that have not replied yet are left out. */
    public Map<String, String> replies() {
        Map<String, String> replies = new TreeMap<>();
        for (RelatedUnit unit : allJoinedUnits()) {
            Object reply = unit.received().get("reply");
            if (reply != null) {
                replies.put(unit.unitName(), reply.toString());
            }
        }
        return replies;
    }
}
