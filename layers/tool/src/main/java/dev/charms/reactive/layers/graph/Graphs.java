package dev.charms.reactive.layers.graph;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.flow.FlagFlow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Renders a {@link FlagFlow}. In every format: handlers are boxes (actions orange, endpoint start-of-hook methods
 * dashed grey); flags are ellipses, automatic ones grey with a double border and "(automatic)"; names computed at
 * run time are notes. Conditions point from flag to handler (grey; dotted with a circle for "when not"); sets are
 * solid green edges and clears dashed red ones from handler to flag; reads are dotted grey; triggers are blue edges
 * from flag to flag.
 */
public final class Graphs {

    private static final String DOT_FONT = "fontname=\"Helvetica\", fontsize=10";

    private Graphs() {
    }

    /** The Graphviz DOT text of {@code flow}. */
    public static String dot(FlagFlow flow) {
        FlowGraph graph = FlowGraph.of(flow);
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(dotString(graph.title)).append(" {\n")
                .append("  rankdir=LR;\n")
                .append("  node [").append(DOT_FONT).append("];\n")
                .append("  edge [").append(DOT_FONT).append("];\n");
        for (FlowGraph.Node node : graph.nodes) {
            out.append("  ").append(node.id()).append(" [label=").append(dotString(String.join("\n", node.label())))
                    .append(", ").append(dotStyle(node.kind())).append("];\n");
        }
        for (FlowGraph.Edge edge : graph.edges) {
            out.append("  ").append(edge.from()).append(" -> ").append(edge.to()).append(" [")
                    .append(dotStyle(edge.kind()));
            String label = edgeLabel(edge);
            if (!label.isEmpty()) {
                out.append(", label=").append(dotString(label));
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    /** The Mermaid flowchart text of {@code flow}. */
    public static String mermaid(FlagFlow flow) {
        FlowGraph graph = FlowGraph.of(flow);
        StringBuilder out = new StringBuilder("---\ntitle: ").append(mermaidString(graph.title)).append("\n---\n")
                .append("flowchart LR\n")
                .append("  classDef handler fill:#e3f2fd,stroke:#1565c0\n")
                .append("  classDef action fill:#fff3e0,stroke:#ef6c00\n")
                .append("  classDef startup fill:#f5f5f5,stroke:#757575,stroke-dasharray:4 3\n")
                .append("  classDef flag fill:#ffffff,stroke:#424242\n")
                .append("  classDef automatic fill:#eeeeee,stroke:#424242,stroke-width:3px\n")
                .append("  classDef computed fill:#fffde7,stroke:#f9a825\n");
        for (FlowGraph.Node node : graph.nodes) {
            String text = "\"" + node.label().stream().map(Graphs::mermaidString).collect(Collectors.joining("<br>"))
                    + "\"";
            String shape = switch (node.kind()) {
                case HANDLER, ACTION, STARTUP -> "[" + text + "]";
                case FLAG -> "([" + text + "])";
                case AUTOMATIC -> "{{" + text + "}}";
                case COMPUTED -> ">" + text + "]";
            };
            out.append("  ").append(node.id()).append(shape).append(":::")
                    .append(node.kind().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        List<FlowGraph.Edge> edges = graph.edges;
        for (FlowGraph.Edge edge : edges) {
            String arrow = switch (edge.kind()) {
                case WHEN, WHEN_ANY -> "-->";
                case WHEN_NOT, WHEN_NOT_ALL -> "--x";
                case SETS, TRIGGER_SETS -> "==>";
                case CLEARS, TRIGGER_CLEARS, READS -> "-.->";
            };
            String label = edgeLabel(edge);
            out.append("  ").append(edge.from()).append(' ').append(arrow)
                    .append(label.isEmpty() ? "" : "|\"" + mermaidString(label) + "\"|").append(' ')
                    .append(edge.to()).append('\n');
        }
        for (int i = 0; i < edges.size(); i++) {
            out.append("  linkStyle ").append(i).append(" stroke:").append(color(edges.get(i).kind()));
            if (edges.get(i).kind() == FlowGraph.EdgeKind.SETS || edges.get(i).kind() == FlowGraph.EdgeKind.CLEARS) {
                out.append(",stroke-width:2px");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The SVG Graphviz draws from {@code dot} (DOT text), running {@code executable} ({@code dot} on the PATH) as
     * {@code <executable> -Tsvg}.
     *
     * @throws LayerToolException when the program is not found, or fails (with its error output)
     */
    public static String svg(String dot, String executable) {
        Process process;
        try {
            process = new ProcessBuilder(executable, "-Tsvg").start();
        } catch (IOException e) {
            throw new LayerToolException("cannot run Graphviz's " + executable + " (" + e.getMessage() + "): to draw"
                    + " SVG, install Graphviz so that dot is on the PATH (Debian and Ubuntu: apt-get install"
                    + " graphviz), or ask for --format dot or --format mermaid", e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String svg = read(process.getInputStream());
        try {
            int code = process.waitFor();
            input.join();
            if (code != 0) {
                throw new LayerToolException(executable + " -Tsvg failed with exit code " + code + ": "
                        + errors.join().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new LayerToolException("interrupted while " + executable + " drew the graph", e);
        }
        return svg;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String edgeLabel(FlowGraph.Edge edge) {
        return switch (edge.kind()) {
            case WHEN, SETS, CLEARS -> "";
            default -> edge.note().isEmpty() ? edge.kind().label : edge.kind().label + " " + edge.note();
        };
    }

    private static String dotStyle(FlowGraph.NodeKind kind) {
        return switch (kind) {
            case HANDLER -> "shape=box, style=\"rounded,filled\", fillcolor=\"#e3f2fd\", color=\"#1565c0\"";
            case ACTION -> "shape=box, style=\"rounded,filled\", fillcolor=\"#fff3e0\", color=\"#ef6c00\"";
            case STARTUP -> "shape=box, style=\"rounded,filled,dashed\", fillcolor=\"#f5f5f5\", color=\"#757575\"";
            case FLAG -> "shape=ellipse, color=\"#424242\"";
            case AUTOMATIC -> "shape=ellipse, style=filled, fillcolor=\"#eeeeee\", color=\"#424242\", peripheries=2";
            case COMPUTED -> "shape=note, style=filled, fillcolor=\"#fffde7\", color=\"#f9a825\"";
        };
    }

    private static String dotStyle(FlowGraph.EdgeKind kind) {
        String color = "color=\"" + color(kind) + "\"";
        return switch (kind) {
            case WHEN, WHEN_ANY -> color;
            case WHEN_NOT, WHEN_NOT_ALL -> color + ", style=dotted, arrowhead=odot";
            case SETS -> color + ", style=solid, penwidth=2";
            case CLEARS -> color + ", style=dashed, penwidth=2";
            case READS -> color + ", style=dotted";
            case TRIGGER_SETS -> color + ", style=bold";
            case TRIGGER_CLEARS -> color + ", style=\"bold,dashed\"";
        };
    }

    private static String color(FlowGraph.EdgeKind kind) {
        return switch (kind) {
            case WHEN, WHEN_ANY, WHEN_NOT, WHEN_NOT_ALL -> "#616161";
            case SETS -> "#2e7d32";
            case CLEARS -> "#c62828";
            case READS -> "#9e9e9e";
            case TRIGGER_SETS, TRIGGER_CLEARS -> "#1565c0";
        };
    }

    private static String dotString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String mermaidString(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
