package dev.charms.reactive.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.layers.flow.CharmInput;
import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.flow.FlowAnalysis;
import dev.charms.reactive.layers.flow.HandlerFlow;
import dev.charms.reactive.layers.graph.Graphs;
import dev.charms.reactive.layers.lint.Lint;
import dev.charms.reactive.layers.lint.LintFinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The flags of the charm {@code mvn package} built (target/charm/hello.charm), as reactive lint and graph see them. */
class LintIT {
    private static FlagFlow flow;

    @BeforeAll
    static void analyze() throws IOException {
        try (CharmInput input = CharmInput.open(Path.of("target/charm/hello.charm"), List.of(), null)) {
            flow = FlowAnalysis.analyze(input);
        }
    }

    @Test
    void theSampleLintsClean() {
        assertThat(Lint.check(flow).findings()).extracting(LintFinding::format).isEmpty();
    }

    @Test
    void everyHandlerIsAnalysedWithWhatItSetsAndClears() {
        assertThat(flow.handlers()).extracting(HandlerFlow::displayName).containsExactly("HelloCharm.install",
                "HelloCharm.configure", "HelloCharm.start", "HelloCharm.showGreeting", "HelloCharm.updateStatus",
                "HelloCharm.pauseForSeriesUpgrade", "HelloCharm.resumeAfterSeriesUpgrade");
        HandlerFlow configure = flow.handler("dev.charms.reactive.samples.hello.HelloCharm.configure").orElseThrow();
        assertThat(configure.uses()).extracting(u -> u.effect() + " " + u.flag()).containsExactly(
                "CLEAR hello.configured", "SET hello.configured", "CLEAR hello.greeting-shown", "READ hello.started",
                "READ hello.paused");
        assertThat(flow.automatic().sets("config.changed.port")).isTrue();
        assertThat(Graphs.dot(flow)).contains("label=\"upgrade.series.in-progress\\n(automatic)\"");
    }
}
