package dev.charms.reactive.layers.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.flow.TestCharms;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The graph of a small charm in each format. */
class GraphsTest {

    private static final String SMALL = """
            package app;

            import dev.charms.reactive.*;
            import dev.charms.reactive.flags.Flags;
            import dev.charms.reactive.flags.Trigger;

            public class Small {
                @WhenNot("app.installed")
                void install(Flags flags) {
                    flags.registerTrigger(Trigger.builder().when("app.installed").setFlag("app.fresh").build());
                    flags.set("app.installed");
                }

                @When({"app.installed", "config.changed"})
                void configure(Flags flags) {
                    flags.clear("app.started");
                }

                @When("app.installed")
                @WhenNot("app.started")
                void start(Flags flags) {
                    flags.set("app.started");
                    flags.clear("app.fresh");
                }

                @Hook("update-status")
                void check(Flags flags) {
                    if (flags.isSet("app.started")) {
                        flags.set("app.checked." + flags.setFlags().size());
                    }
                }
            }
            """;

    private static final String DOT = """
            digraph "small" {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=10];
              f1 [label="app.fresh", shape=ellipse, color="#424242"];
              f2 [label="app.installed", shape=ellipse, color="#424242"];
              f3 [label="app.started", shape=ellipse, color="#424242"];
              f4 [label="config.changed\\n(automatic)", shape=ellipse, style=filled, fillcolor="#eeeeee", color="#424242", peripheries=2];
              c1 [label="computed at run time\\napp.checked.*", shape=note, style=filled, fillcolor="#fffde7", color="#f9a825"];
              h1 [label="Small.install", shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"];
              h2 [label="Small.configure", shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"];
              h3 [label="Small.start", shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"];
              h4 [label="Small.check\\nhook update-status", shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0"];
              f2 -> h1 [color="#616161", style=dotted, arrowhead=odot, label="when not"];
              h1 -> f2 [color="#2e7d32", style=solid, penwidth=2];
              f2 -> f1 [color="#1565c0", style=bold, label="trigger sets (Small.install)"];
              f2 -> h2 [color="#616161"];
              f4 -> h2 [color="#616161"];
              h2 -> f3 [color="#c62828", style=dashed, penwidth=2];
              f2 -> h3 [color="#616161"];
              f3 -> h3 [color="#616161", style=dotted, arrowhead=odot, label="when not"];
              h3 -> f3 [color="#2e7d32", style=solid, penwidth=2];
              h3 -> f1 [color="#c62828", style=dashed, penwidth=2];
              f3 -> h4 [color="#9e9e9e", style=dotted, label="reads"];
              h4 -> c1 [color="#2e7d32", style=solid, penwidth=2];
            }
            """;

    private static final String MERMAID = """
            ---
            title: small
            ---
            flowchart LR
              classDef handler fill:#e3f2fd,stroke:#1565c0
              classDef action fill:#fff3e0,stroke:#ef6c00
              classDef startup fill:#f5f5f5,stroke:#757575,stroke-dasharray:4 3
              classDef flag fill:#ffffff,stroke:#424242
              classDef automatic fill:#eeeeee,stroke:#424242,stroke-width:3px
              classDef computed fill:#fffde7,stroke:#f9a825
              f1(["app.fresh"]):::flag
              f2(["app.installed"]):::flag
              f3(["app.started"]):::flag
              f4{{"config.changed<br>(automatic)"}}:::automatic
              c1>"computed at run time<br>app.checked.*"]:::computed
              h1["Small.install"]:::handler
              h2["Small.configure"]:::handler
              h3["Small.start"]:::handler
              h4["Small.check<br>hook update-status"]:::handler
              f2 --x|"when not"| h1
              h1 ==> f2
              f2 ==>|"trigger sets (Small.install)"| f1
              f2 --> h2
              f4 --> h2
              h2 -.-> f3
              f2 --> h3
              f3 --x|"when not"| h3
              h3 ==> f3
              h3 -.-> f1
              f3 -.->|"reads"| h4
              h4 ==> c1
              linkStyle 0 stroke:#616161
              linkStyle 1 stroke:#2e7d32,stroke-width:2px
              linkStyle 2 stroke:#1565c0
              linkStyle 3 stroke:#616161
              linkStyle 4 stroke:#616161
              linkStyle 5 stroke:#c62828,stroke-width:2px
              linkStyle 6 stroke:#616161
              linkStyle 7 stroke:#616161
              linkStyle 8 stroke:#2e7d32,stroke-width:2px
              linkStyle 9 stroke:#c62828,stroke-width:2px
              linkStyle 10 stroke:#9e9e9e
              linkStyle 11 stroke:#2e7d32,stroke-width:2px
            """;

    @TempDir
    static Path temp;

    private static FlagFlow flow;

    @BeforeAll
    static void analyze() {
        flow = TestCharms.analyze(TestCharms.charm(temp.resolve("small"), "name: small\n",
                "options:\n  port:\n    type: int\n    default: 80\n    description: Port\n",
                Map.of("app.Small", SMALL)));
    }

    @Test
    void dotHasFlagsAndHandlersAsNodesAndDrawsSetsClearsReadsAndTriggersApart() {
        assertThat(Graphs.dot(flow)).isEqualTo(DOT);
    }

    @Test
    void mermaidHasTheSameNodesAndEdges() {
        assertThat(Graphs.mermaid(flow)).isEqualTo(MERMAID);
    }

    /** Only this test needs Graphviz; where dot is missing it is skipped (reported), never passed. */
    @Test
    void svgFromGraphvizIsWellFormedXmlNamingEveryHandler() throws Exception {
        assumeTrue(onPath("dot"), "Graphviz's dot is not on the PATH (Debian: apt-get install graphviz)");

        String svg = Graphs.svg(Graphs.dot(flow), "dot");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        String text = document.getDocumentElement().getTextContent();
        assertThat(flow.handlers()).hasSize(4)
                .allSatisfy(handler -> assertThat(text).contains(handler.displayName()));
    }

    @Test
    void svgWithoutGraphvizSaysWhatToInstall() {
        assertThatThrownBy(() -> Graphs.svg(Graphs.dot(flow), "reactive-no-such-dot"))
                .isInstanceOf(LayerToolException.class)
                .hasMessageStartingWith("cannot run Graphviz's reactive-no-such-dot (")
                .hasMessageEndingWith("): to draw SVG, install Graphviz so that dot is on the PATH (Debian and"
                        + " Ubuntu: apt-get install graphviz), or ask for --format dot or --format mermaid");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
