package dev.charms.reactive.layers.build;

import static dev.charms.reactive.layers.Fixtures.read;
import static dev.charms.reactive.layers.Fixtures.tree;
import static dev.charms.reactive.layers.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.proof.Finding;
import dev.charms.reactive.layers.proof.Level;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmBuilderTest {

    /** The dispatch of the sample stack: its name, its jars in classpath order, and the options of layer basic. */
    private static final String DISPATCH = new BootstrapDispatchScript().render(new DispatchScript.Context("hello",
            List.of("hello-1.0.jar", "dep-2.0.jar"),
            Map.of("basic", Map.of("java-version", 17, "packages", List.of("curl")))));

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();

    private BuildResult build(BuildRequest request) throws IOException {
        return CharmBuilder.build(request, warnings::add);
    }

    private SampleStack stack;
    private Path output;

    @BeforeEach
    void writeStack() {
        stack = new SampleStack(temp.resolve("src"));
        output = temp.resolve("out");
    }

    @Test
    void buildsEveryFileOfAFiveLayerStack() throws IOException {
        BuildResult result = build(stack.request(output, false));

        Map<String, String> expected = new TreeMap<>();
        expected.put("README.md", "hello readme\n");
        expected.put("actions.yaml", """
                restart:
                  description: Restart the service
                  params:
                    force:
                      type: boolean
                """);
        expected.put("bin/run.sh", "#!/bin/sh\necho run\n (0755)");
        expected.put("config.yaml", """
                options:
                  log-level:
                    type: string
                    default: info
                    description: Log level
                  heap-size:
                    type: string
                    default: 512m
                    description: Heap size
                  greeting:
                    type: string
                    default: hi
                    description: What to say
                """);
        expected.put("dispatch", DISPATCH + " (0755)");
        expected.put("hooks/install", "-> ../dispatch");
        expected.put("hooks/start", "-> ../dispatch");
        expected.put("hooks/upgrade-charm", "-> ../dispatch");
        expected.put("layer.yaml", """
                is: hello
                repo: https://example.com/hello.git
                includes:
                  - layer:basic
                  - layer:base-java
                  - layer:mid
                  - interface:http
                options:
                  basic:
                    java-version: 17
                    packages:
                      - curl
                  base-java:
                    heap: 512m
                    debug: true
                """);
        expected.put("lib/dep-2.0.jar", "(" + Files.size(stack.depJar) + " bytes)");
        expected.put("lib/hello-1.0.jar", "(" + Files.size(stack.helloJar) + " bytes)");
        expected.put("manifest.yaml", """
                bases:
                  - name: ubuntu
                    channel: '24.04'
                    architectures:
                      - amd64
                      - arm64
                """);
        expected.put("metadata.yaml", """
                name: hello
                summary: Says hello
                maintainers:
                  - Me <me@example.com>
                description: A charm that says hello.
                tags:
                  - java
                  - web
                  - demo
                requires: {}
                provides:
                  website:
                    interface: http
                """);
        expected.put("templates/app.conf", "mid template\n");
        Map<String, String> built = tree(output.resolve("hello"));
        built.remove(".build.manifest");

        assertThat(built).containsExactlyEntriesOf(expected);
        assertThat(Files.mismatch(output.resolve("hello/lib/hello-1.0.jar"), stack.helloJar)).isEqualTo(-1);
        assertThat(result.charmName()).isEqualTo("hello");
        assertThat(result.installed()).isTrue();
        assertThat(result.layers()).containsExactly("basic", "base-java", "mid", "hello", "http");
        assertThat(result.files()).isEqualTo(15);
        assertThat(result.proof().findings()).isEmpty();
        assertThat(result.archive()).contains(output.resolve("hello.charm"));
        assertThat(output.resolve("hello.charm")).isRegularFile();
    }

    @Test
    void warnsOnceForEachFileAHigherLayerReplacesWithDifferentContent() throws IOException {
        build(stack.request(output, false));

        assertThat(warnings).containsExactly(
                "README.md: the copy from layer 'mid' replaces the one from layer 'base-java'",
                "templates/app.conf: the copy from layer 'mid' replaces the one from layer 'base-java'",
                "README.md: the copy from layer 'hello' replaces the one from layer 'mid'");
    }

    @Test
    void identicalCopiesInTwoLayersAreNoOverride() throws IOException {
        write(stack.charmDir, "templates/app.conf", "mid template\n");

        build(stack.request(output, false));

        assertThat(warnings).doesNotContain(
                "templates/app.conf: the copy from layer 'hello' replaces the one from layer 'mid'");
    }

    @Test
    void manifestRecordsLayersAndTheOriginAndSha256OfEveryFile() throws IOException {
        build(stack.request(output, false));
        Path charm = output.resolve("hello");

        JsonObject manifest = JsonParser.parseString(read(charm.resolve(".build.manifest"))).getAsJsonObject();

        List<String> layers = manifest.getAsJsonArray("layers").asList().stream()
                .map(l -> l.getAsJsonObject().get("kind").getAsString() + ":" + l.getAsJsonObject().get("name")
                        .getAsString() + " " + l.getAsJsonObject().get("url").getAsString()
                        + (l.getAsJsonObject().has("jar") ? " jar " + l.getAsJsonObject().get("jar").getAsString()
                                : ""))
                .toList();
        assertThat(layers).containsExactly("layer:basic layer:basic", "layer:base-java layer:base-java",
                "layer:mid layer:mid", "layer:hello hello", "interface:http interface:http");
        Map<String, String> origins = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : manifest.getAsJsonObject("signatures").entrySet()) {
            JsonArray signature = entry.getValue().getAsJsonArray();
            origins.put(entry.getKey(), signature.get(0).getAsString() + " " + signature.get(1).getAsString());
            if (!entry.getKey().equals(".build.manifest")) {
                assertThat(signature.get(2).getAsString()).as(entry.getKey())
                        .isEqualTo(BuildManifest.sha256(charm.resolve(entry.getKey())));
            }
        }
        assertThat(origins).containsExactly(
                Map.entry(".build.manifest", "build dynamic"),
                Map.entry("README.md", "hello static"),
                Map.entry("actions.yaml", "mid dynamic"),
                Map.entry("bin/run.sh", "base-java static"),
                Map.entry("config.yaml", "hello dynamic"),
                Map.entry("dispatch", "generated dynamic"),
                Map.entry("hooks/install", "generated dynamic"),
                Map.entry("hooks/start", "generated dynamic"),
                Map.entry("hooks/upgrade-charm", "generated dynamic"),
                Map.entry("layer.yaml", "hello dynamic"),
                Map.entry("lib/dep-2.0.jar", "classpath static"),
                Map.entry("lib/hello-1.0.jar", "classpath static"),
                Map.entry("manifest.yaml", "hello dynamic"),
                Map.entry("metadata.yaml", "hello dynamic"),
                Map.entry("templates/app.conf", "mid static"));
    }

    @Test
    void everyLayersDeletesCountAndAHigherLayerCanAddADeletedKeyBack() throws IOException {
        write(stack.charmDir, "config.yaml", """
                options:
                  vip:
                    type: string
                    description: Back again
                """);
        write(stack.charmDir, "layer.yaml", """
                includes: ['layer:mid']
                config:
                  deletes: [log-level]
                """);

        build(stack.request(output, false));

        assertThat(read(output.resolve("hello/config.yaml"))).isEqualTo("""
                options:
                  heap-size:
                    type: string
                    default: 512m
                    description: Heap size
                  vip:
                    type: string
                    description: Back again
                """);
    }

    @Test
    void aDeleteOfAnAbsentKeyIsAWarningNamingTheLayerYaml() throws IOException {
        write(stack.charmDir, "layer.yaml", """
                includes: ['layer:mid']
                metadata:
                  deletes: [requires.nothing]
                """);

        build(stack.request(output, false));

        assertThat(warnings).contains(stack.charmDir.resolve("layer.yaml") + ": metadata.deletes:"
                + " requires.nothing is not in metadata.yaml as merged up to layer 'hello'; nothing deleted");
    }

    @Test
    void refusesToBuildOverLocalEditsUnlessForced() throws IOException {
        build(stack.request(output, false));
        Path charm = output.resolve("hello");
        write(charm, "README.md", "edited by hand\n");
        write(charm, "notes/todo.txt", "added by hand\n");

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .isInstanceOf(LayerToolException.class)
                .hasMessage(charm + " was edited after it was built: README.md (modified), notes/todo.txt (added);"
                        + " move the changes into a layer, or rerun with --force to discard them");
        assertThat(read(charm.resolve("README.md"))).isEqualTo("edited by hand\n");

        build(stack.request(output, true));

        assertThat(read(charm.resolve("README.md"))).isEqualTo("hello readme\n");
        assertThat(charm.resolve("notes")).doesNotExist();
    }

    @Test
    void refusesToReplaceADirectoryNoBuildMadeUnlessForced() throws IOException {
        write(output.resolve("hello"), "precious.txt", "mine\n");

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .hasMessage(output.resolve("hello") + " exists but no build made it (no .build.manifest);"
                        + " move it away, or rerun with --force to replace it");

        build(stack.request(output, true));
        assertThat(warnings).contains(output.resolve("hello") + " exists but no build made it"
                + " (no .build.manifest); replacing it (--force)");
    }

    @Test
    void aRebuildRemovesFilesNoLayerProducesAnyMore() throws IOException {
        build(stack.request(output, false));
        Files.delete(stack.layersDir.resolve("layer-base-java/bin/run.sh"));

        build(stack.request(output, false));

        assertThat(output.resolve("hello/bin/run.sh")).doesNotExist();
        assertThat(read(output.resolve("hello/.build.manifest"))).doesNotContain("bin/run.sh");
    }

    @Test
    void aFailedBuildLeavesThePreviousBuildAndNoStagingDirectory() throws IOException {
        build(stack.request(output, false));
        Map<String, String> before = tree(output);
        write(stack.charmDir, "metadata.yaml", "name: hello\nsummary: [unclosed\n");

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .hasMessageStartingWith(stack.charmDir.resolve("metadata.yaml") + ":3:1: ");

        assertThat(tree(output)).isEqualTo(before);
    }

    @Test
    void aCharmWithProofErrorsIsNotInstalledUnlessForced() throws IOException {
        write(stack.charmDir, "metadata.yaml", """
                name: hello
                summary: Says hello
                description: A charm that says hello.
                provides:
                  juju-db: {interface: mysql}
                """);

        BuildResult result = build(stack.request(output, false));

        assertThat(result.installed()).isFalse();
        assertThat(result.archive()).isEmpty();
        assertThat(result.proof().findings()).contains(new Finding(Level.ERROR, "metadata.yaml", "provides.juju-db",
                "charm \"hello\" using a reserved relation name: \"juju-db\"; names \"juju\" and \"juju-*\" belong"
                        + " to Juju"));
        try (Stream<Path> left = Files.list(output)) {
            assertThat(left).isEmpty();
        }

        BuildResult forced = build(stack.request(output, true));

        assertThat(forced.installed()).isTrue();
        assertThat(output.resolve("hello/metadata.yaml")).isRegularFile();
    }

    @Test
    void anOutputDirectoryInsideTheCharmIsNotCopiedIntoTheCharm() throws IOException {
        Path inside = stack.charmDir.resolve("out");
        build(stack.request(inside, false));

        build(stack.request(inside, false));

        assertThat(tree(inside.resolve("hello")).keySet()).noneMatch(path -> path.startsWith("out/"));
    }

    @Test
    void refusesAnOutputThatWouldReplaceALayer() {
        assertThatThrownBy(() -> build(stack.request(stack.root, false)))
                .hasMessage("the build output " + stack.charmDir + " would replace layer 'hello' (" + stack.charmDir
                        + "); choose another output directory (--output-dir)");
    }

    @Test
    void aSymlinkOutOfALayerIsAnErrorNamingIt() throws IOException {
        Path secret = write(temp, "secret.txt", "not part of any layer\n");
        Files.createSymbolicLink(stack.charmDir.resolve("secret"), secret);

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .hasMessage(stack.charmDir.resolve("secret") + ": symlink points outside the layer (to " + secret
                        + "); copy the file into the layer instead");
    }

    @Test
    void aSymlinkInsideALayerIsCopiedAsAFile() throws IOException {
        Files.createSymbolicLink(stack.charmDir.resolve("README.txt"), Path.of("README.md"));

        build(stack.request(output, false));

        assertThat(output.resolve("hello/README.txt")).isRegularFile().hasContent("hello readme");
    }

    @Test
    void noMetadataInAnyLayerIsAnError() throws IOException {
        Files.delete(stack.charmDir.resolve("metadata.yaml"));
        Files.delete(stack.layersDir.resolve("layer-base-java/metadata.yaml"));
        Files.delete(stack.layersDir.resolve("mid/metadata.yaml"));

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .hasMessage("no layer provides metadata.yaml (layers: basic, base-java, mid, hello); add one to the"
                        + " charm's layer with at least name, summary and description");
    }

    @Test
    void aCharmNameThatCannotBeADirectoryIsAnError() {
        write(stack.charmDir, "metadata.yaml", "name: ../evil\nsummary: s\ndescription: d\n");

        assertThatThrownBy(() -> build(stack.request(output, false)))
                .hasMessage("metadata.yaml: name \"../evil\" is not a valid charm name; use lower-case letters,"
                        + " digits and hyphens, starting with a letter, each hyphen-separated part containing a"
                        + " letter (e.g. my-charm)");
    }

    @Test
    void anIncludedInterfaceNoEndpointUsesIsAWarning() throws IOException {
        write(stack.layersDir.resolve("mid"), "metadata.yaml", "tags: [web]\n");

        build(stack.request(output, false));

        assertThat(warnings).contains("interface 'http' is included, but no endpoint in metadata.yaml uses"
                + " it; remove interface:http from includes or add the endpoint");
    }
}
