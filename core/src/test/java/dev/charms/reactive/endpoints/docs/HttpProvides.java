package dev.charms.reactive.endpoints.docs;

import dev.charms.reactive.EndpointInterface;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.endpoints.Endpoint;
import dev.charms.reactive.endpoints.Relation;
import dev.charms.reactive.flags.Flags;

/** The example of docs/endpoints.md, verbatim. */
@EndpointInterface(value = "http", role = EndpointInterface.Role.PROVIDES)
public class HttpProvides extends Endpoint {

    @When("endpoint.{endpoint_name}.joined")
    void joined(Flags flags) {
        flags.set(expandName("{endpoint_name}.available"));
    }

    @WhenNot("endpoint.{endpoint_name}.joined")
    void broken(Flags flags) {
        flags.clear(expandName("{endpoint_name}.available"));
    }

    /** Called by the charm: tells every remote unit where to connect. */
    public void configure(String hostname, int port) {
        for (Relation relation : relations()) {
            relation.toPublish().put("hostname", hostname);
            relation.toPublish().put("port", port);
        }
    }
}
