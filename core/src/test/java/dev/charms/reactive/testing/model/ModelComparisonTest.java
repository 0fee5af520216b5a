package dev.charms.reactive.testing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.endpoints.docs.HttpProvides;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
    private static final Charm WEB = Charm.of(HttpProvides.class, ModelRelationTest.WebCharm.class)
            .configYaml("options: {port: {type: int, default: 80}}")
            .relations(RelationDeclaration.provides("website", "http"));
    private static final Charm PROXY = Charm.of(ModelRelationTest.HttpRequires.class)
            .relations(RelationDeclaration.requires("backend", "http"));

    /** Two web units and a proxy, related, then the web port set. */
    private static Model related(int port) {
        Model model = new Model();
        model.deploy("web", WEB, 2);
        model.deploy("proxy", PROXY, 1);
        model.relate("web:website", "proxy:backend");
        model.config("web", "port", port);
        return model;
    }

    @Test
    void twoRunsOfTheSameScenarioDoNotDiffer() {
        assertThat(ModelComparison.between(related(8080), related(8080)).relation("web", "proxy").differences())
                .isEmpty();
    }

    @Test
    void aDifferentRunNamesTheFirstHookThatDiffersAndEachResultThatDoes() {
        Model expected = related(8080);
        Model actual = related(8081);

        assertThat(ModelComparison.between(expected, actual).relation("web", "proxy").differences())
                .anyMatch(d -> d.startsWith("timeline differs from hook "))
                .anyMatch(d -> d.startsWith("unit proxy/0 status history: expected <"))
                .anyMatch(d -> d.startsWith("unit web/0 state: expected <"))
                .anyMatch(d -> d.equals("data of web/1 in the relation of web with proxy: expected"
                        + " <{hostname=\"web.example.com\", port=8080}> but was <{hostname=\"web.example.com\", port=8081}>"))
                .noneMatch(d -> d.contains("handlers invoked") || d.startsWith("application web leader"));
        assertThat(ModelComparison.between(expected, actual).differences())
                .noneMatch(d -> d.startsWith("data of"));
    }

    @Test
    void unitsOnlyOneModelHasAreNamed() {
        Model expected = related(8080);
        Model actual = related(8080);
        actual.removeUnit("web/1");

        assertThat(ModelComparison.between(expected, actual).differences())
                .contains("units: expected <[web/0, web/1, proxy/0]> but was <[web/0, proxy/0]>",
                        "timeline length: expected <" + expected.timeline().size() + "> but was <"
                                + actual.timeline().size() + ">");
    }
}
