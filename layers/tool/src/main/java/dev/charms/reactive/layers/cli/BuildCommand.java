package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.build.BuildRequest;
import dev.charms.reactive.layers.build.BuildResult;
import dev.charms.reactive.layers.build.CharmBuilder;
import dev.charms.reactive.layers.build.BootstrapDispatchScript;
import dev.charms.reactive.layers.lint.LintFinding;
import dev.charms.reactive.layers.proof.Finding;
import dev.charms.reactive.layers.proof.Level;
import dev.charms.reactive.layers.source.LayerSearchPath;
import dev.charms.reactive.layers.source.StandardLayers;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reactive build}: assembles a charm from its layers. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Assembles a charm from its layers into OUTPUT_DIR/<charm>/ and OUTPUT_DIR/<charm>.charm, then runs"
                    + " proof and lint on it.",
            "Every charm is built on layer:basic. Layers named in includes are found in CHARM_LAYERS_DIR and"
                    + " CHARM_INTERFACES_DIR, in the jars of the classpath, and among the standard layers."},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CHARM_LAYERS_DIR      layer directories (NAME/ or layer-NAME/), ':'-separated",
            "  CHARM_INTERFACES_DIR  interface directories (NAME/ or interface-NAME/)",
            "  LAYER_PATH            deprecated name of CHARM_LAYERS_DIR",
            "  INTERFACE_PATH        deprecated name of CHARM_INTERFACES_DIR",
            "  CHARM_BUILD_DIR       the default OUTPUT_DIR",
            "  SOURCE_DATE_EPOCH     time of the archive entries (default: 1980-01-01)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":built; proof and lint found no errors",
            ExitCodes.BUILD_FAILED + ":the build failed; nothing was replaced",
            ExitCodes.USAGE + ":invalid command line",
            ExitCodes.PROOF_ERRORS + ":proof found errors; the charm was not installed unless --force",
            ExitCodes.LINT_ERRORS + ":lint found errors (and proof none); the charm was not installed unless"
                    + " --force"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private ReactiveCommand parent;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "CHARM_DIR",
            description = "The directory of the charm's own layer (default: the current directory).")
    private Path charmDir;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTPUT_DIR",
            description = "Where <charm>/ and <charm>.charm are written (default: $CHARM_BUILD_DIR, else ./build).")
    private Path outputDir;

    @Option(names = {"--classpath", "--cp"}, paramLabel = "PATH",
            description = "The charm's runtime classpath: jars separated by '${sys:path.separator}', copied"
                    + " to lib/ in this order.")
    private String classpath;

    @Option(names = "--lib", paramLabel = "JAR",
            description = "One more jar for lib/, after the --classpath jars. Repeatable.")
    private List<Path> libs = new ArrayList<>();

    @Option(names = {"-f", "--force"},
            description = "Build over local edits to the previous build, and install the charm even when proof"
                    + " or lint finds errors.")
    private boolean force;

    @Option(names = "--no-lint", description = "Do not lint the charm's flags (see reactive lint).")
    private boolean noLint;

    @Option(names = "--no-archive", description = "Do not write <charm>.charm.")
    private boolean noArchive;

    @Override
    public Integer call() throws IOException {
        Function<String, String> environment = parent.environment();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = warning -> {
            err.println("warning: " + warning);
            err.flush();
        };
        BuildRequest request = new BuildRequest(charmDir, outputDir(environment), jars(),
                LayerSearchPath.fromEnvironment(environment, warnings),
                StandardLayers.find(BuildCommand.class.getClassLoader()), new BootstrapDispatchScript(), force,
                !noArchive, epochSeconds(environment), !noLint);
        BuildResult result = CharmBuilder.build(request, warnings);
        for (Finding finding : result.proof().findings()) {
            out.println(finding.format());
        }
        for (LintFinding finding : result.lint().findings()) {
            out.println(finding.format());
        }
        boolean proofErrors = result.proof().count(Level.ERROR) > 0;
        int code = proofErrors ? ExitCodes.PROOF_ERRORS
                : result.lint().count(Level.ERROR) > 0 ? ExitCodes.LINT_ERRORS : ExitCodes.OK;
        String checks = "proof: " + result.proof().summary() + (noLint ? "" : "; lint: " + result.lint().summary());
        if (!result.installed()) {
            err.println("error: " + checks + "; " + result.charmDir()
                    + " was not replaced (fix the errors, or rerun with --force"
                    + (result.lint().count(Level.ERROR) > 0 ? " or --no-lint" : "") + ")");
        } else {
            out.println("built " + result.charmName() + " from " + String.join(", ", result.layers()) + ": "
                    + result.charmDir() + " (" + result.files() + " files; " + checks + ")");
            result.archive().ifPresent(archive -> out.println("packed " + archive));
        }
        out.flush();
        err.flush();
        return code;
    }

    private Path outputDir(Function<String, String> environment) {
        if (outputDir != null) {
            return outputDir;
        }
        String fromEnvironment = environment.apply("CHARM_BUILD_DIR");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "build" : fromEnvironment);
    }

    private List<Path> jars() {
        List<Path> jars = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
        }
        jars.addAll(libs);
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new CommandLine.ParameterException(spec.commandLine(), jar + ": no such jar"
                        + (Files.isDirectory(jar) ? " (it is a directory; lib/ takes jars)" : ""));
            }
        }
        return jars;
    }

    private long epochSeconds(Function<String, String> environment) {
        String value = environment.apply("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return BuildRequest.DEFAULT_EPOCH_SECONDS;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "SOURCE_DATE_EPOCH=" + value
                    + ": not a whole number of seconds since 1970-01-01T00:00:00Z");
        }
    }
}
