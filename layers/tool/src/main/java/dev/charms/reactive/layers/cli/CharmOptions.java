package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.flow.CharmInput;
import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.flow.FlowAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The charm that {@code graph} and {@code lint} analyse: a mixin of the options they share. */
final class CharmOptions {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "CHARM",
            description = "A built charm directory (default: the current directory), a .charm file, or the charm's"
                    + " jar.")
    private Path charm;

    @Option(names = "--lib", paramLabel = "JAR",
            description = "One more jar whose handlers are analysed too, after the charm's. Repeatable.")
    private List<Path> libs = new ArrayList<>();

    @Option(names = "--charm-files", paramLabel = "DIR",
            description = "Read metadata.yaml and config.yaml from DIR (e.g. src/main/charm) instead of the charm;"
                    + " for a jar, without them automatic flags match any option and endpoint.")
    private Path charmFiles;

    /** Analyses the charm. */
    FlagFlow analyze() throws IOException {
        try (CharmInput input = CharmInput.open(charm, libs, charmFiles)) {
            return FlowAnalysis.analyze(input);
        }
    }
}
