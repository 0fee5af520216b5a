package dev.charms.reactive.layers.build;

import static dev.charms.reactive.layers.Fixtures.executable;
import static dev.charms.reactive.layers.Fixtures.write;

import dev.charms.reactive.layers.Fixtures;
import dev.charms.reactive.layers.source.LayerSearchPath;
import dev.charms.reactive.layers.source.StandardLayers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A charm of five layers, written into a temporary directory: the standard {@code basic}, {@code base-java}
 * (found as {@code layer-base-java/} in CHARM_LAYERS_DIR), {@code mid} (which includes base-java and
 * {@code interface:http}), the interface {@code http} (in CHARM_INTERFACES_DIR), and the charm {@code hello}. Each
 * layer overrides, ignores, excludes, deletes and sets options, so one build exercises every merge rule.
 */
public final class SampleStack {

    public final Path root;
    public final Path layersDir;
    public final Path interfacesDir;
    public final Path charmDir;
    public final Path helloJar;
    public final Path depJar;

    public SampleStack(Path root) {
        this.root = root;
        this.layersDir = root.resolve("layers");
        this.interfacesDir = root.resolve("interfaces");
        this.charmDir = root.resolve("hello");
        Path base = layersDir.resolve("layer-base-java");
        write(base, "layer.yaml", """
                defines:
                  heap:
                    description: JVM heap size
                    type: string
                    default: 256m
                  debug:
                    type: boolean
                    default: false
                options:
                  basic:
                    packages: [curl]
                """);
        write(base, "metadata.yaml", """
                maintainer: Base <base@example.com>
                tags: [java]
                requires:
                  logging:
                    interface: syslog
                """);
        write(base, "config.yaml", """
                options:
                  log-level:
                    type: string
                    default: info
                    description: Log level
                  heap-size:
                    type: string
                    default: 256m
                    description: Heap size
                  vip:
                    type: string
                    description: Virtual IP
                """);
        write(base, "actions.yaml", """
                restart:
                  description: Restart the service
                """);
        write(base, "README.md", "base readme\n");
        write(base, "templates/app.conf", "base template\n");
        write(base, "tests/test_base.txt", "base test\n");
        executable(base, "bin/run.sh", "#!/bin/sh\necho run\n");

        Path mid = layersDir.resolve("mid");
        write(mid, "layer.yaml", """
                includes: ['layer:base-java', 'interface:http']
                options:
                  base-java:
                    heap: 512m
                config:
                  deletes: [vip]
                exclude: [notes.txt]
                """);
        write(mid, "notes.txt", "excluded by mid itself\n");
        write(mid, "README.md", "mid readme\n");
        write(mid, "templates/app.conf", "mid template\n");
        write(mid, "tests/test_mid.txt", "mid test\n");
        write(mid, "config.yaml", """
                options:
                  heap-size:
                    default: 512m
                """);
        write(mid, "metadata.yaml", """
                tags: [web, java]
                provides:
                  website:
                    interface: http
                """);
        write(mid, "actions.yaml", """
                restart:
                  params:
                    force:
                      type: boolean
                stop:
                  description: Stop the service
                """);

        write(interfacesDir.resolve("interface-http"), "interface.yaml", "name: http\nsummary: HTTP\n");

        write(charmDir, "layer.yaml", """
                includes: ['layer:mid']
                repo: https://example.com/hello.git
                options:
                  base-java:
                    debug: true
                ignore: [tests/]
                metadata:
                  deletes: [requires.logging]
                actions:
                  deletes: [stop]
                """);
        write(charmDir, "metadata.yaml", """
                name: hello
                summary: Says hello
                description: A charm that says hello.
                maintainers: [Me <me@example.com>]
                tags: [demo]
                """);
        write(charmDir, "config.yaml", """
                options:
                  greeting:
                    type: string
                    default: hi
                    description: What to say
                """);
        write(charmDir, "manifest.yaml", """
                bases:
                  - name: ubuntu
                    channel: "24.04"
                    architectures: [amd64, arm64]
                """);
        write(charmDir, ".jujuignore", "*.iml\n/target/\n");
        write(charmDir, "hello.iml", "<module/>\n");
        write(charmDir, "target/Hello.class", "compiled\n");
        write(charmDir, "README.md", "hello readme\n");
        helloJar = Fixtures.jar(root.resolve("jars/hello-1.0.jar"), Map.of("dev/Hello.class", "hello"));
        depJar = Fixtures.jar(root.resolve("jars/dep-2.0.jar"), Map.of("dev/Dep.class", "dep"));
    }

    /** Writes the stack into the directory {@code args[0]}: the sample of the build benchmark (bench/build-bench.sh). */
    public static void main(String[] args) {
        new SampleStack(Path.of(args[0]));
    }

    /** The search path pointing at this stack's directories. */
    public LayerSearchPath search() {
        return new LayerSearchPath(List.of(layersDir), List.of(interfacesDir));
    }

    /** The environment variables a command-line build of this stack needs. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CHARM_LAYERS_DIR", layersDir.toString());
        environment.put("CHARM_INTERFACES_DIR", interfacesDir.toString());
        return environment;
    }

    /** A request to build this stack into {@code output} with the jars hello, then dep. */
    public BuildRequest request(Path output, boolean force) {
        return new BuildRequest(charmDir, output, List.of(helloJar, depJar), search(),
                StandardLayers.find(SampleStack.class.getClassLoader()), new BootstrapDispatchScript(), force, true,
                BuildRequest.DEFAULT_EPOCH_SECONDS, true);
    }
}
