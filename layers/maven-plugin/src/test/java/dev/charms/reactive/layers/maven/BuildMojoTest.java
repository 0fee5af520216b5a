package dev.charms.reactive.layers.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the goal the way Maven would, on a project whose jar and dependencies are already resolved. */
class BuildMojoTest {

    @TempDir
    Path temp;

    private BuildMojo mojo;
    private Path charm;

    @BeforeEach
    void project() throws IOException {
        charm = temp.resolve("src/main/charm");
        write(charm.resolve("metadata.yaml"), "name: hello\nsummary: Hello\ndescription: Says hello.\n");
        write(charm.resolve("layer.yaml"), "includes: ['layer:tls']\noptions:\n  basic: {java-version: 21}\n");
        MavenProject project = new MavenProject();
        project.setArtifact(artifact("hello", jar("hello-1.0.jar", Map.of("dev/Hello.class", "x")), "hello"));
        project.setArtifacts(new LinkedHashSet<>(List.of(
                artifact("tls", jar("tls-1.0.jar", Map.of("reactive-layer/layer.yaml", "name: tls\n",
                        "reactive-layer/templates/tls.conf", "tls\n")), "hello", "tls"),
                artifact("core", jar("core-1.0.jar", Map.of("dev/Core.class", "x")), "hello", "tls", "core"),
                artifact("gson", jar("gson-2.0.jar", Map.of("dev/Gson.class", "x")), "hello", "gson"))));
        mojo = new BuildMojo();
        mojo.project = project;
        mojo.charmDir = charm.toFile();
        mojo.outputDir = temp.resolve("target/charm").toFile();
        mojo.archive = true;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = temp.resolve("repo").resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static Artifact artifact(String id, Path file, String... trail) {
        Artifact artifact = new DefaultArtifact("dev.example", id, "1.0", "compile", "jar", null,
                new DefaultArtifactHandler("jar"));
        artifact.setFile(file.toFile());
        artifact.setDependencyTrail(List.of(trail));
        return artifact;
    }

    @Test
    void buildsTheCharmWithDependenciesDeepestFirstAndTheProjectJarLast() throws Exception {
        mojo.execute();

        Path built = temp.resolve("target/charm/hello");
        assertThat(Files.readString(built.resolve("dispatch"))).contains(
                "classpath=\"lib/core-1.0.jar:lib/tls-1.0.jar:lib/gson-2.0.jar:lib/hello-1.0.jar\"");
        assertThat(built.resolve("templates/tls.conf")).hasContent("tls");
        assertThat(Files.readString(built.resolve("layer.yaml"))).contains("java-version: 21");
        assertThat(temp.resolve("target/charm/hello.charm")).isRegularFile();
    }

    @Test
    void theArchiveTimestampIsTheProjectsOutputTimestamp() throws Exception {
        mojo.outputTimestamp = "2024-05-06T07:08:10Z";

        mojo.execute();

        try (ZipFile zip = new ZipFile(temp.resolve("target/charm/hello.charm").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getTimeLocal).distinct().toList())
                    .containsExactly(LocalDateTime.of(2024, 5, 6, 7, 8, 10));
        }
    }

    @Test
    void aBadOutputTimestampFailsTheBuild() {
        mojo.outputTimestamp = "last tuesday";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("project.build.outputTimestamp=last tuesday: not ISO-8601 with an offset"
                        + " (2026-01-01T00:00:00Z) nor seconds since 1970");
    }

    @Test
    void aLayerProblemFailsTheBuildWithItsMessage() throws IOException {
        write(charm.resolve("layer.yaml"), "includes: ['layer:nowhere']\n");
        mojo.layersDirs = List.of(temp.resolve("layers").toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(charm.resolve("layer.yaml") + ": includes layer:nowhere, which was not found."
                        + " Looked in CHARM_LAYERS_DIR (" + temp.resolve("layers") + ")");
    }

    @Test
    void proofErrorsFailTheBuildAndLeaveNothingInstalled() throws IOException {
        write(charm.resolve("metadata.yaml"), "name: hello\nsummary: Hello\n");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("proof: 1 error, 0 warnings, 0 infos; lint: 0 errors, 0 warnings, 1 info; "
                        + temp.resolve("target/charm/hello")
                        + " was not replaced (fix the errors, or set reactive.force)");
        assertThat(temp.resolve("target/charm/hello")).doesNotExist();
    }

    @Test
    void lintErrorsFailTheBuildUnlessLintIsOff() throws Exception {
        String index = "{\"format\": 1, \"handlers\": [{\"id\": \"dev.Gone.run\", \"class\": \"dev.Gone\","
                + " \"method\": \"run\", \"conditions\": [], \"notUnless\": [], \"action\": null,"
                + " \"parameters\": []}]}";
        mojo.project.getArtifact().setFile(jar("hello-1.0.jar", Map.of("META-INF/reactive/handlers.json", index))
                .toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("proof: 0 errors, 0 warnings, 0 infos; lint: 1 error, 0 warnings, 0 infos; "
                        + temp.resolve("target/charm/hello") + " was not replaced (fix the errors, or set"
                        + " reactive.force, or reactive.lint=false)");
        assertThat(temp.resolve("target/charm/hello")).doesNotExist();

        mojo.lint = false;
        mojo.execute();
        assertThat(temp.resolve("target/charm/hello/dispatch")).isRegularFile();
    }

    @Test
    void withoutTheProjectJarTheGoalSaysWhenToRun() {
        mojo.project.getArtifact().setFile(null);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("the project's jar is not built yet: run reactive:build in the package phase or later"
                        + " (mvn package), with jar packaging");
    }

    @Test
    void skipBuildsNothing() throws Exception {
        mojo.skip = true;

        mojo.execute();

        assertThat(temp.resolve("target/charm")).doesNotExist();
    }
}
