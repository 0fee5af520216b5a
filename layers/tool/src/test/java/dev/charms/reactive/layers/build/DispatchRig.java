package dev.charms.reactive.layers.build;

import static dev.charms.reactive.layers.Fixtures.executable;
import static dev.charms.reactive.layers.Fixtures.write;

import dev.charms.reactive.juju.stubtools.StubHookTools;
import dev.charms.reactive.layers.Fixtures;
import dev.charms.reactive.layers.source.LayerSearchPath;
import dev.charms.reactive.layers.source.StandardLayers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A charm built with the layer tool and run the way Juju runs it: the real generated {@code dispatch}, cwd the
 * charm directory, the hook variables, and a {@code PATH} of the stub hook tools, a stub {@code apt-get} and the
 * system's commands without {@code java}. Java is found only through {@code REACTIVE_JAVA} (this JVM's by
 * default) or in the rig's own {@code REACTIVE_JVM_DIR}, where the stub {@code apt-get} "installs" it.
 *
 * <p>The stub {@code apt-get} appends its arguments to {@link #aptCalls()}; after {@link #aptFails} it fails like
 * a broken mirror.
 */
final class DispatchRig {

    static final String UNIT = "probe/0";
    private static final List<String> COMMANDS = List.of("awk", "basename", "cat", "chmod", "dirname", "grep", "head",
            "ln", "ls", "mkdir", "mv", "rm", "sed", "sleep", "sort", "tail", "touch", "tr");
    private static final String APT_GET = """
            #!/bin/sh
            printf '%s\\n' "$*" >> "$RIG_DIR/apt.log"
            if [ -f "$RIG_DIR/apt-fails" ]; then
                echo "E: Unable to fetch some archives" >&2
                exit 100
            fi
            case "$*" in
                *" install openjdk-"*)
                    mkdir -p "$REACTIVE_JVM_DIR/java-17-openjdk-amd64/bin"
                    printf '#!/bin/sh\nexec "%s" "$@"\n' "$RIG_REAL_JAVA" > "$REACTIVE_JVM_DIR/java-17-openjdk-amd64/bin/java"
                    chmod 755 "$REACTIVE_JVM_DIR/java-17-openjdk-amd64/bin/java" ;;
            esac
            """;

    final Path dir;
    final Path charm;
    final StubHookTools tools;
    final Map<String, String> environment = new LinkedHashMap<>();

    /** The hook's stdout and stderr, and the exit code of {@code dispatch}. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /**
     * Builds the charm {@code probe} (whose layer sets {@code packages: [curl]} for layer basic) from {@code libs}
     * into {@code dir/out}, with stubs under {@code dir}.
     */
    DispatchRig(Path dir, List<Path> libs) throws IOException {
        this.dir = dir;
        Path source = dir.resolve("src/probe");
        write(source, "metadata.yaml", "name: probe\nsummary: Probe\ndescription: Runs hooks for tests.\n");
        write(source, "layer.yaml", "options:\n  basic:\n    packages: [curl]\n");
        write(source, "config.yaml", "options:\n  greeting:\n    type: string\n    default: hi\n    description: Hello\n");
        List<String> warnings = new ArrayList<>();
        charm = CharmBuilder.build(new BuildRequest(source, dir.resolve("out"), libs,
                new LayerSearchPath(List.of(), List.of()), StandardLayers.find(DispatchRig.class.getClassLoader()),
                new BootstrapDispatchScript(), false, false, BuildRequest.DEFAULT_EPOCH_SECONDS, true), warnings::add)
                .charmDir();
        tools = StubHookTools.install(dir.resolve("stubs"), UNIT);
        executable(dir, "fakebin/apt-get", APT_GET);
        Path system = systemCommandsWithoutJava(dir.resolve("system"));
        environment.putAll(tools.environment());
        environment.put("PATH", tools.binDirectory() + ":" + dir.resolve("fakebin") + ":" + system);
        environment.put("JUJU_UNIT_NAME", UNIT);
        environment.put("JUJU_CHARM_DIR", charm.toString());
        environment.put("JUJU_MODEL_NAME", "test");
        environment.put("JUJU_VERSION", "3.6.0");
        environment.put("REACTIVE_JAVA", thisJava());
        environment.put("REACTIVE_JVM_DIR", dir.resolve("jvm").toString());
        environment.put("REACTIVE_APT_ATTEMPTS", "2");
        environment.put("REACTIVE_APT_DELAY", "0");
        environment.put("RIG_DIR", dir.toString());
        environment.put("RIG_REAL_JAVA", thisJava());
    }

    /**
     * Compiles {@code source}, the class {@code className}, against this JVM's classpath, into the jar {@code jar}.
     */
    static Path compileJar(Path jar, String className, String source) throws IOException {
        Path work = jar.resolveSibling(jar.getFileName() + ".work");
        Path src = work.resolve("src/" + className.replace('.', '/') + ".java");
        Path classes = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        if (code != 0) {
            throw new AssertionError("cannot compile " + className + " (see the compiler's output above)");
        }
        return Fixtures.jarOf(jar, classes);
    }

    /** The jar on this JVM's classpath that holds {@code type}, made into a jar under {@code dir} if a directory. */
    static Path jarOf(Class<?> type, Path dir) throws IOException {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        String name = location.getParent().getParent().getFileName() + ".jar";
        return Fixtures.jarOf(dir.resolve(name), location);
    }

    static String thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code dispatch} for {@code hook} as Juju 2.8 and later do. */
    Run hook(String hook) throws IOException, InterruptedException {
        return run(charm.resolve("dispatch"), Map.of("JUJU_DISPATCH_PATH", "hooks/" + hook));
    }

    /** Runs {@code command} in the charm directory with the rig's environment plus {@code extra}. */
    Run run(Path command, Map<String, String> extra) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.toString()).directory(charm.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 120 s; stderr: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Makes the stub apt-get fail (true) or succeed (false) from now on. */
    void aptFails(boolean fails) throws IOException {
        Path flag = dir.resolve("apt-fails");
        if (fails) {
            Files.writeString(flag, "");
        } else {
            Files.deleteIfExists(flag);
        }
    }

    /** The stub apt-get's calls so far, one line of arguments each. */
    List<String> aptCalls() throws IOException {
        Path log = dir.resolve("apt.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    Path marker() {
        return charm.resolve(".reactive/bootstrapped");
    }

    /**
     * A directory of scripts that exec the commands dispatch and the stub tools use, found on the JVM's PATH
     * (scripts rather than links, which JUnit warns about when it deletes the temporary directory).
     */
    private static Path systemCommandsWithoutJava(Path target) {
        for (String name : COMMANDS) {
            Path command = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name))
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " is not on PATH; the rig needs it"));
            executable(target, name, "#!/bin/sh\nexec " + command + " \"$@\"\n");
        }
        return target;
    }
}
