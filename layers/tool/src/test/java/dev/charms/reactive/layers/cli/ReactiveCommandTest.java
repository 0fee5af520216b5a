package dev.charms.reactive.layers.cli;

import static dev.charms.reactive.layers.Fixtures.read;
import static dev.charms.reactive.layers.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.layers.build.SampleStack;
import dev.charms.reactive.layers.flow.TestCharms;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the command line exactly as main does and checks what the user sees. */
class ReactiveCommandTest {

    private static final String TOP_USAGE = """
            Usage: reactive [-hV] COMMAND
            Starts charm projects, builds Juju charms from layers, checks them against
            Juju's rules, draws and checks how flags flow through their handlers, and
            upgrades models.
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.
            Commands:
              init     Writes a new charm project into DIR, ready for 'mvn verify'.
              build    Assembles a charm from its layers into OUTPUT_DIR/<charm>/ and
                         OUTPUT_DIR/<charm>.charm, then runs proof and lint on it.
              proof    Checks a built charm directory against the rules Juju applies when
                         it reads a charm: its metadata, config, actions, manifest,
                         dispatch and hooks.
              graph    Draws how flags flow through a charm's handlers: DOT, Mermaid or SVG.
              lint     Checks how flags flow through a charm's handlers.
              upgrade  Plans and runs the upgrade of a Juju model, one step at a time.
              help     Display help information about the specified command.

            Exit codes:
              0     done (build: no proof or lint errors; proof, lint: nothing worse than
                      info)
              1     the build failed: a layer, option, YAML file or the output is at fault;
                      upgrade: a check or a step failed
              2     invalid command line
              3     proof found errors (build: the charm was not installed unless --force)
              4     proof found warnings and no errors (proof only)
              5     lint found errors (build: the charm was not installed unless --force)
              6     lint found warnings and no errors (lint only)
              7     upgrade: steps wait for the operator; run it again after
              70    internal error in reactive (a bug; the stack trace is printed)
              130   upgrade: stopped by Ctrl+C (SIGINT); run it again to go on
              143   upgrade: stopped by SIGTERM; run it again to go on
            """;

    private static final String PROOF_USAGE = """
            Usage: reactive proof [-hV] [CHARM_DIR]
            Checks a built charm directory against the rules Juju applies when it reads a
            charm: its metadata, config, actions, manifest, dispatch and hooks.
            Prints one line per finding, worst first: E: (error), W: (warning) or I:
            (info), the file, the key and the message; then a summary.
                  [CHARM_DIR]   The built charm directory (default: the current directory).
              -h, --help        Show this help message and exit.
              -V, --version     Print version information and exit.

            Exit codes:
              0   no errors or warnings
              2   invalid command line
              3   errors: Juju would reject the charm
              4   warnings and no errors
            """;

    /** What lint says of a charm whose jars have no handler index (the charm is named x). */
    private static final String NO_INDEX = "I: x: no jar holds META-INF/reactive/handlers.json, so there are no"
            + " handlers to analyse; compile the charm's handler classes with reactive-processor on the annotation"
            + " processor path [no-index]\n";

    private static final String METADATA = "name: app\nsummary: App\ndescription: Tests the commands.\n";

    private static final String ORPHAN = """
            package app;

            import dev.charms.reactive.*;
            import dev.charms.reactive.flags.Flags;

            public class Orphan {
                @WhenNot("app.installed")
                void install(Flags flags) {
                    flags.set("app.installed");
                    flags.set("app.version");
                }

                @When("app.configured")
                void start(Flags flags) {
                }
            }
            """;

    @TempDir
    Path temp;

    private final Map<String, String> environment = new HashMap<>();

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReactiveCommand.commandLine(environment::get);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndEveryExitCode() {
        assertThat(run("--help")).isEqualTo(new Run(ExitCodes.OK, TOP_USAGE, ""));
    }

    @Test
    void helpOfACommandIsItsUsage() {
        assertThat(run("help", "proof")).isEqualTo(new Run(ExitCodes.OK, PROOF_USAGE, ""));
        assertThat(run("proof", "--help")).isEqualTo(new Run(ExitCodes.OK, PROOF_USAGE, ""));
    }

    @Test
    void versionIsTheMavenVersion() {
        Run run = run("--version");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches("reactive \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void noCommandIsAUsageErrorShowingTheUsage() {
        assertThat(run()).isEqualTo(new Run(ExitCodes.USAGE, "",
                "Missing command: give init, build, proof, graph, lint, upgrade or help.\n" + TOP_USAGE));
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        assertThat(run("buidl")).isEqualTo(new Run(ExitCodes.USAGE, "", """
                error: Unmatched argument at index 0: 'buidl'
                Did you mean: reactive build?
                Try 'reactive --help' for more information.
                """));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("build", "--bogus")).isEqualTo(new Run(ExitCodes.USAGE, "", """
                error: Unknown option: '--bogus'
                Try 'reactive build --help' for more information.
                """));
    }

    @Test
    void buildPrintsWarningsToStderrAndWhatItBuiltToStdout() {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        environment.putAll(stack.environment());
        Path out = temp.resolve("out");

        Run run = run("build", stack.charmDir.toString(), "-o", out.toString(), "--lib", stack.helloJar.toString(),
                "--lib", stack.depJar.toString());

        assertThat(run).isEqualTo(new Run(ExitCodes.OK, NO_INDEX.replace("x:", "hello:")
                + "built hello from basic, base-java, mid, hello, http: " + out.resolve("hello")
                        + " (15 files; proof: 0 errors, 0 warnings, 0 infos; lint: 0 errors, 0 warnings, 1 info)\n"
                        + "packed " + out.resolve("hello.charm") + "\n",
                """
                warning: README.md: the copy from layer 'mid' replaces the one from layer 'base-java'
                warning: templates/app.conf: the copy from layer 'mid' replaces the one from layer 'base-java'
                warning: README.md: the copy from layer 'hello' replaces the one from layer 'mid'
                """));
        assertThat(out.resolve("hello/metadata.yaml")).isRegularFile();
    }

    @Test
    void theClasspathJarsComeBeforeTheLibJarsInLibAndDispatch() {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        environment.putAll(stack.environment());
        Path out = temp.resolve("out");

        Run run = run("build", stack.charmDir.toString(), "-o", out.toString(), "--no-archive",
                "--lib", stack.helloJar.toString(), "--classpath", stack.depJar + File.pathSeparator);

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(read(out.resolve("hello/dispatch"))).contains(
                "classpath=\"lib/dep-2.0.jar:lib/hello-1.0.jar\"");
        assertThat(out.resolve("hello.charm")).doesNotExist();
    }

    @Test
    void theDefaultOutputIsCharmBuildDirAndOldVariablesAreDeprecated() {
        SampleStack stack = new SampleStack(temp.resolve("src"));
        environment.put("LAYER_PATH", stack.layersDir.toString());
        environment.put("CHARM_INTERFACES_DIR", stack.interfacesDir.toString());
        environment.put("CHARM_BUILD_DIR", temp.resolve("builds").toString());

        Run run = run("build", stack.charmDir.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).startsWith("warning: LAYER_PATH is deprecated; set CHARM_LAYERS_DIR instead\n");
        assertThat(temp.resolve("builds/hello/dispatch")).isExecutable();
    }

    @Test
    void aBuildFailureIsOneErrorLineAndExitCodeOne() {
        write(temp, "charm/layer.yaml", "includes: ['layer:missing']\n");
        environment.put("CHARM_LAYERS_DIR", temp.resolve("layers").toString());

        Run run = run("build", temp.resolve("charm").toString(), "-o", temp.resolve("out").toString());

        assertThat(run).isEqualTo(new Run(ExitCodes.BUILD_FAILED, "", "error: " + temp.resolve("charm/layer.yaml")
                + ": includes layer:missing, which was not found. Looked in CHARM_LAYERS_DIR ("
                + temp.resolve("layers") + "), the jar layers on the classpath (none) and the standard layers"
                + " (basic). Set CHARM_LAYERS_DIR to the directory holding missing/ or layer-missing/, or add the"
                + " layer's jar to the classpath\n"));
    }

    @Test
    void warningsBeforeAFailureAreStillPrinted() {
        write(temp, "charm/layer.yaml", "inclueds: []\noptions: {nobody: {x: 1}}\n");

        Run run = run("build", temp.resolve("charm").toString(), "-o", temp.resolve("out").toString());

        assertThat(run).isEqualTo(new Run(ExitCodes.BUILD_FAILED, "", "warning: " + temp.resolve("charm/layer.yaml")
                + ": unknown key \"inclueds\" is ignored (known keys: actions, config, defines, exclude, ignore,"
                + " includes, is, metadata, name, options, repo)\n"
                + "error: invalid layer options:\n  " + temp.resolve("charm/layer.yaml") + ": sets options for layer"
                + " 'nobody', which is not in this build; layers that define options: basic\n"));
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() {
        write(temp, "charm/metadata.yaml", "name: x\nsummary: {oops\n");

        Run run = run("build", temp.resolve("charm").toString(), "-o", temp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BUILD_FAILED);
        assertThat(run.err()).isEqualTo("error: " + temp.resolve("charm/metadata.yaml") + ":3:1: expected ',' or"
                + " '}', but got <stream end> (while parsing a flow mapping)\n");
    }

    @Test
    void aBuildWithProofErrorsExitsThreeAndInstallsOnlyWhenForced() {
        write(temp, "charm/metadata.yaml", "name: x\nsummary: s\n");
        String[] args = {"build", temp.resolve("charm").toString(), "-o", temp.resolve("out").toString()};

        Run run = run(args);

        assertThat(run).isEqualTo(new Run(ExitCodes.PROOF_ERRORS,
                "E: metadata.yaml: description: required field is missing\n" + NO_INDEX,
                "warning: no jars given (--lib or --classpath): the charm has no code to run\n"
                        + "error: proof: 1 error, 0 warnings, 0 infos; lint: 0 errors, 0 warnings, 1 info; "
                        + temp.resolve("out/x") + " was not replaced (fix the errors, or rerun with --force)\n"));
        assertThat(temp.resolve("out/x")).doesNotExist();

        String[] forced = {args[0], args[1], args[2], args[3], "--force"};
        assertThat(run(forced).code()).isEqualTo(ExitCodes.PROOF_ERRORS);
        assertThat(temp.resolve("out/x/metadata.yaml")).isRegularFile();
    }

    @Test
    void aMissingJarOrABadSourceDateEpochIsAUsageError() {
        assertThat(run("build", "--lib", temp.resolve("none.jar").toString())).isEqualTo(new Run(ExitCodes.USAGE,
                "", "error: " + temp.resolve("none.jar") + ": no such jar\n"
                        + "Try 'reactive build --help' for more information.\n"));

        environment.put("SOURCE_DATE_EPOCH", "yesterday");
        write(temp, "charm/metadata.yaml", "name: x\nsummary: s\ndescription: d\n");
        assertThat(run("build", temp.resolve("charm").toString()).err()).isEqualTo("error: SOURCE_DATE_EPOCH=yesterday:"
                + " not a whole number of seconds since 1970-01-01T00:00:00Z\n"
                + "Try 'reactive build --help' for more information.\n");
    }

    @Test
    void proofExitsZeroThreeOrFourAndEndsWithASummary() throws Exception {
        Path charm = temp.resolve("charm");
        write(charm, "metadata.yaml", "name: x\nsummary: s\ndescription: d\n");
        write(charm, "manifest.yaml", "bases: [{name: ubuntu, channel: '22.04'}]\n");
        write(charm, "hooks/install", "#!/bin/sh\n");
        Files.setPosixFilePermissions(charm.resolve("hooks/install"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run("proof", charm.toString())).isEqualTo(new Run(ExitCodes.OK,
                "I: dispatch: missing: Juju runs hooks/<hook-name> directly\n"
                        + charm + ": 0 errors, 0 warnings, 1 info\n", ""));

        write(charm, "config.yaml", "options:\n  port: {type: int, default: 80}\n");
        assertThat(run("proof", charm.toString())).isEqualTo(new Run(ExitCodes.PROOF_WARNINGS,
                "W: config.yaml: options.port.description: missing or empty: say what the option does\n"
                        + "I: dispatch: missing: Juju runs hooks/<hook-name> directly\n"
                        + charm + ": 0 errors, 1 warning, 1 info\n", ""));

        write(charm, "metadata.yaml", "name: X\nsummary: s\ndescription: d\n");
        assertThat(run("proof", charm.toString()).code()).isEqualTo(ExitCodes.PROOF_ERRORS);
    }

    @Test
    void proofOfAMissingDirectoryIsAUsageError() {
        assertThat(run("proof", temp.resolve("nowhere").toString())).isEqualTo(new Run(ExitCodes.USAGE, "",
                "error: CHARM_DIR " + temp.resolve("nowhere") + ": no such directory\n"
                        + "Try 'reactive proof --help' for more information.\n"));
    }

    @Test
    void lintPrintsFindingsWorstFirstAndExitsFiveOnErrors() {
        Path charm = TestCharms.charm(temp.resolve("app"), METADATA, null, Map.of("app.Orphan", ORPHAN));

        assertThat(run("lint", charm.toString())).isEqualTo(new Run(ExitCodes.LINT_ERRORS, """
                E: Orphan.start: flag app.configured: can never run: it needs app.configured (@When), which no \
                handler, trigger or automatic rule sets [never-runs]
                W: Orphan.install: flag app.version: sets app.version, which no handler condition, trigger or flag \
                read uses; use the flag, or stop setting it [never-read]
                lint: 1 error, 1 warning, 0 infos
                """, ""));
    }

    @Test
    void lintExitsSixOnWarningsAloneAndZeroWhenClean() {
        Path warned = TestCharms.charm(temp.resolve("warned"), METADATA, null, Map.of("app.Orphan",
                ORPHAN.replace("@When(\"app.configured\")", "@When(\"app.installed\")")));
        Path clean = TestCharms.charm(temp.resolve("clean"), METADATA, null, Map.of("app.Orphan",
                ORPHAN.replace("flags.set(\"app.version\");", "")
                        .replace("@When(\"app.configured\")", "@When(\"app.installed\")")));

        assertThat(run("lint", warned.toString()).code()).isEqualTo(ExitCodes.LINT_WARNINGS);
        assertThat(run("lint", clean.toString())).isEqualTo(new Run(ExitCodes.OK,
                "lint: 0 errors, 0 warnings, 0 infos\n", ""));
    }

    @Test
    void lintOfSomethingThatIsNoCharmSaysWhatItTakes() {
        assertThat(run("lint", temp.resolve("nothing").toString())).isEqualTo(new Run(ExitCodes.BUILD_FAILED, "",
                "error: " + temp.resolve("nothing") + ": no such built charm directory, .charm file or jar; give one"
                        + " of these (a charm built with reactive build, or the charm's jar)\n"));
    }

    @Test
    void graphWritesDotByDefaultAndMermaidToAFile() throws Exception {
        Path charm = TestCharms.charm(temp.resolve("app"), METADATA, null, Map.of("app.Orphan", ORPHAN));
        Path file = temp.resolve("app.mmd");

        Run dot = run("graph", charm.toString());
        Run mermaid = run("graph", charm.toString(), "--format", "mermaid", "-o", file.toString());

        assertThat(dot.code()).isEqualTo(ExitCodes.OK);
        assertThat(dot.out()).startsWith("digraph \"app\" {\n").contains("label=\"Orphan.start\"");
        assertThat(mermaid).isEqualTo(new Run(ExitCodes.OK, "", ""));
        assertThat(Files.readString(file)).startsWith("---\ntitle: app\n---\nflowchart LR\n");
    }

    @Test
    void buildLintsTheCharmAndInstallsItDespiteLintErrorsOnlyWhenToldTo() {
        write(temp, "charm/metadata.yaml", METADATA);
        Path jar = TestCharms.jar(temp.resolve("jars/app.jar"), Map.of("app.Orphan", ORPHAN));
        String[] args = {"build", temp.resolve("charm").toString(), "-o", temp.resolve("out").toString(), "--lib",
            jar.toString()};

        Run run = run(args);

        assertThat(run.code()).isEqualTo(ExitCodes.LINT_ERRORS);
        assertThat(run.out()).startsWith("E: Orphan.start: flag app.configured: can never run");
        assertThat(run.err()).isEqualTo("error: proof: 0 errors, 0 warnings, 0 infos; lint: 1 error, 1 warning,"
                + " 0 infos; " + temp.resolve("out/app") + " was not replaced (fix the errors, or rerun with --force"
                + " or --no-lint)\n");
        assertThat(temp.resolve("out/app")).doesNotExist();

        String[] noLint = Arrays.copyOf(args, args.length + 1);
        noLint[args.length] = "--no-lint";
        assertThat(run(noLint)).isEqualTo(new Run(ExitCodes.OK, "built app from basic, charm: " + temp.resolve("out/app")
                + " (9 files; proof: 0 errors, 0 warnings, 0 infos)\npacked " + temp.resolve("out/app.charm") + "\n",
                ""));
    }

    @Test
    void initWritesANewProjectAndNeverReplacesAFile() {
        Path dir = temp.resolve("My App");

        Run run = run("init", dir.toString());

        assertThat(run).isEqualTo(new Run(ExitCodes.OK, "created charm my-app in " + dir + ":\n"
                + "  pom.xml\n"
                + "  .gitignore\n"
                + "  src/main/charm/metadata.yaml\n"
                + "  src/main/charm/config.yaml\n"
                + "  src/main/charm/layer.yaml\n"
                + "  src/main/java/com/example/myapp/MyAppCharm.java\n"
                + "  src/test/java/com/example/myapp/MyAppCharmTest.java\n"
                + "next: cd " + dir + " && mvn verify   (builds target/charm/my-app.charm and runs the tests)\n", ""));
        assertThat(read(dir.resolve("src/main/charm/metadata.yaml"))).startsWith("name: my-app\n");
        assertThat(read(dir.resolve("src/main/charm/layer.yaml"))).contains("  - layer:basic\n");
        assertThat(read(dir.resolve("pom.xml"))).contains("<artifactId>my-app</artifactId>",
                "<artifactId>reactive-maven-plugin</artifactId>").doesNotContain("@");

        assertThat(run("init", dir.toString(), "--name", "other")).isEqualTo(new Run(ExitCodes.BUILD_FAILED, "",
                "error: " + dir + " already has pom.xml, .gitignore, src/main/charm/metadata.yaml,"
                        + " src/main/charm/config.yaml, src/main/charm/layer.yaml; choose another directory, or move"
                        + " those files away (reactive init never replaces a file)\n"));
    }

    @Test
    void initRefusesANameOrPackageThatCannotBeUsed() {
        assertThat(run("init", temp.resolve("2048").toString()).err()).isEqualTo("error: \"2048\" is not a valid"
                + " charm name: use lower-case letters, digits and hyphens, starting with a letter, each"
                + " hyphen-separated part containing a letter (e.g. my-app); give one with --name\n");
        assertThat(run("init", temp.resolve("x").toString(), "--package", "Com.Example").err()).isEqualTo(
                "error: \"Com.Example\" is not a lower-case Java package name; give one with --package (e.g."
                        + " com.example.myapp)\n");
        assertThat(temp.resolve("2048")).doesNotExist();
    }
}
