package dev.charms.reactive.endpoints.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.RelationState;
import dev.charms.reactive.testing.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/endpoints.md compile and behave as the page says. */
class DocsExampleTest {

    public static class WebCharm {
        @When({"website.available", "web.started"})
        void advertise(HttpProvides website, Config config) {
            website.configure("web.example.com", config.getInt("port"));
        }
    }

    @Test
    void theTestingExample() {
        Result result = Harness.of(HttpProvides.class, WebCharm.class)
                .relations(RelationDeclaration.provides("website", "http"))
                .relation(RelationState.of("website:1", "haproxy").unit("haproxy/0", Map.of()))
                .flags("web.started")
                .configYaml("options: {port: {type: int, default: 80}}")
                .hook("website-relation-joined").relationContext("website:1", "haproxy/0")
                .run();
        assertThat(result.invoked()).containsExactly("HttpProvides.joined:website", "WebCharm.advertise");
        assertThat(result.localUnitData("website:1")).containsEntry("port", "80");
        assertThat(result.localUnitData("website:1")).containsEntry("hostname", "\"web.example.com\"");
    }
}
