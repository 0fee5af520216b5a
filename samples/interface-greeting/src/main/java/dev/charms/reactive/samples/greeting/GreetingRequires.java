package dev.charms.reactive.samples.greeting;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.endpoints.JsonDataView;
import dev.charms.reactive.endpoints.RelatedUnit;
import dev.charms.reactive.endpoints.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * The listening side of interface:greeting: reads the greetings the greeter units published and publishes a reply.
 * Flags {@code <endpoint>.connected} and {@code <endpoint>.updated}: see {@link GreetingEndpoint}.
 * <pre>{@code
 * @When("greeting.updated")
 * void listen(GreetingRequires greeting, Flags flags) {
 *     greeting.greetings().forEach(...);
 *     greeting.reply("hello back");
 *     flags.clear("greeting.updated");
 * }
 * }</pre>
 */
@EndpointInterface(value = "greeting", role = EndpointInterface.Role.REQUIRES)
public class GreetingRequires extends GreetingEndpoint {

    /**
     * The greetings of the joined greeter units that have published one, sorted by relation id then unit name.
     *
     * @throws IllegalStateException when a unit's port is not a number
     */
    public List<Greeting> greetings() {
        List<Greeting> greetings = new ArrayList<>();
        for (RelatedUnit unit : allJoinedUnits()) {
            JsonDataView data = unit.received();
            Object text = data.get("greeting");
            Object port = data.get("port");
            if (text == null) {
                continue;
            }
            if (!(port instanceof Number number)) {
                throw new IllegalStateException(unit.unitName() + " in " + unit.relationId() + " published port "
                        + port + ", not a number; interface:greeting needs both greeting and port");
            }
            greetings.add(new Greeting(unit.unitName(), text.toString(), number.intValue()));
        }
        return greetings;
    }

    /** Publishes {@code reply} in every relation of the endpoint, when the hook succeeds. */
    public void reply(String reply) {
        for (Relation relation : relations()) {
            relation.toPublish().put("reply", reply);
        }
    }
}
