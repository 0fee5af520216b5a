package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.init.CharmProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reactive init}: writes a new charm project. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Writes a new charm project into DIR, ready for 'mvn verify'.",
            "The project: a Maven pom with the reactive plugin, one handler class and its"
                    + " harness test, and metadata.yaml, config.yaml and layer.yaml (on layer:basic) in"
                    + " src/main/charm. 'mvn verify' in DIR then builds target/charm/<name>.charm and runs the"
                    + " tests.",
            "Never replaces a file: a DIR that already holds one of them is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":written",
            ExitCodes.BUILD_FAILED + ":a file exists already, the name or package is invalid, or writing failed",
            ExitCodes.USAGE + ":invalid command line"})
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the project (created if needed).")
    private Path dir;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The charm's name (default: DIR's name, in lower case with hyphens).")
    private String name;

    @Option(names = "--package", paramLabel = "PACKAGE",
            description = "The handler class's Java package (default: com.example.<name without hyphens>).")
    private String packageName;

    @Override
    public Integer call() throws IOException {
        String charmName = name == null ? CharmProject.nameFor(dir) : name;
        CharmProject project = packageName == null ? CharmProject.named(charmName)
                : new CharmProject(charmName, packageName);
        List<String> files = project.writeTo(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("created charm " + project.name() + " in " + dir + ":");
        files.forEach(file -> out.println("  " + file));
        out.println("next: cd " + dir + " && mvn verify   (builds target/charm/" + project.name()
                + ".charm and runs the tests)");
        out.flush();
        return ExitCodes.OK;
    }
}
