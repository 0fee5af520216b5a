package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.graph.Graphs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reactive graph}: draws how flags flow through a charm's handlers. */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Draws how flags flow through a charm's handlers: DOT, Mermaid or SVG.",
            "Draws the flags and handlers of a charm without running it: conditions point from flag to handler"
                    + " (dotted with a circle: when not), sets are solid green and clears dashed red edges from"
                    + " handler to flag, reads dotted grey, triggers blue from flag to flag. Automatic flags (set by"
                    + " the framework) are grey with a double border; names computed at run time are notes.",
            "Writes Graphviz DOT (default), Mermaid, or SVG (drawn by Graphviz's dot, which must be on the PATH)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":written",
            ExitCodes.BUILD_FAILED + ":the charm cannot be read, or dot is missing or failed (svg)",
            ExitCodes.USAGE + ":invalid command line"})
final class GraphCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { dot, mermaid, svg }

    @Spec
    private CommandSpec spec;

    @Mixin
    private CharmOptions charm;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "dot",
            description = "dot, mermaid or svg (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        FlagFlow flow = charm.analyze();
        String text = switch (format) {
            case dot -> Graphs.dot(flow);
            case mermaid -> Graphs.mermaid(flow);
            case svg -> Graphs.svg(Graphs.dot(flow), "dot");
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
