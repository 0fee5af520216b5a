package dev.charms.reactive.layers.maven;

import dev.charms.reactive.layers.LayerToolException;
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
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code reactive:build}: builds the charm of this Maven project, as {@code reactive build} does, into
 * {@code target/charm/<charm>/} and {@code target/charm/<charm>.charm}. Bound to {@code package}, after the
 * project's jar is made.
 *
 * <p>{@code lib/} gets the runtime dependencies, deepest in the dependency tree first, then the project's own jar
 * last, so that the classpath is in layer order, base first (which is the order handlers run in). Layers are
 * searched in {@code layersDirs}/{@code interfacesDirs} when set, else in CHARM_LAYERS_DIR and
 * CHARM_INTERFACES_DIR, then in the jars of {@code lib/}, then among the standard layers. Archive timestamps
 * come from {@code project.build.outputTimestamp}, Maven's own setting for reproducible builds.
 *
 * <p>The build fails on any layer problem, and when proof or lint (unless {@code lint} is false) finds errors (the
 * charm is then not installed, unless {@code force}).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BuildMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The directory of the charm's own layer: its metadata.yaml, layer.yaml and other files. */
    @Parameter(property = "reactive.charmDir", defaultValue = "${project.basedir}/src/main/charm")
    File charmDir;

    /** Where {@code <charm>/} and {@code <charm>.charm} are written. */
    @Parameter(property = "reactive.outputDir", defaultValue = "${project.build.directory}/charm")
    File outputDir;

    /** Directories holding layers; when empty, CHARM_LAYERS_DIR (or LAYER_PATH) is used. */
    @Parameter
    List<File> layersDirs = new ArrayList<>();

    /** Directories holding interface layers; when empty, CHARM_INTERFACES_DIR (or INTERFACE_PATH) is used. */
    @Parameter
    List<File> interfacesDirs = new ArrayList<>();

    /** Build over local edits of the previous build, and install the charm even when proof finds errors. */
    @Parameter(property = "reactive.force", defaultValue = "false")
    boolean force;

    /** Whether to write {@code <charm>.charm}. */
    @Parameter(property = "reactive.archive", defaultValue = "true")
    boolean archive;

    /** Lint the charm's flags ({@code reactive lint}); lint errors fail the build unless {@code force}. */
    @Parameter(property = "reactive.lint", defaultValue = "true")
    boolean lint = true;

    /** Skip the charm build. */
    @Parameter(property = "reactive.skip", defaultValue = "false")
    boolean skip;

    /** The archive timestamp: ISO-8601 with offset, or seconds since 1970; unset or one character: 1980-01-01. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("reactive:build skipped");
            return;
        }
        LayerSearchPath search = layersDirs.isEmpty() && interfacesDirs.isEmpty()
                ? LayerSearchPath.fromEnvironment(System::getenv, getLog()::warn)
                : new LayerSearchPath(paths(layersDirs), paths(interfacesDirs));
        BuildRequest request = new BuildRequest(charmDir.toPath(), outputDir.toPath(), classpath(), search,
                StandardLayers.find(BuildMojo.class.getClassLoader()), new BootstrapDispatchScript(), force, archive,
                epochSeconds(), lint);
        BuildResult result;
        try {
            result = CharmBuilder.build(request, getLog()::warn);
        } catch (LayerToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("charm build failed: " + e, e);
        }
        for (Finding finding : result.proof().findings()) {
            log(finding.level(), finding.format());
        }
        for (LintFinding finding : result.lint().findings()) {
            log(finding.level(), finding.format());
        }
        String checks = "proof: " + result.proof().summary() + (lint ? "; lint: " + result.lint().summary() : "");
        if (!result.installed()) {
            throw new MojoFailureException(checks + "; " + result.charmDir() + " was not replaced (fix the errors,"
                    + " or set reactive.force" + (result.lint().count(Level.ERROR) > 0 ? ", or reactive.lint=false" : "")
                    + ")");
        }
        if (result.proof().count(Level.ERROR) > 0 || result.lint().count(Level.ERROR) > 0) {
            getLog().warn("installed despite errors (reactive.force): " + checks);
        }
        getLog().info("built " + result.charmName() + " from " + String.join(", ", result.layers()) + ": "
                + result.charmDir() + " (" + result.files() + " files; " + checks + ")");
        result.archive().ifPresent(file -> getLog().info("packed " + file));
    }

    private void log(Level level, String line) {
        switch (level) {
            case ERROR -> getLog().error(line);
            case WARNING -> getLog().warn(line);
            default -> getLog().info(line);
        }
    }

    /** The runtime dependencies, deepest first (stable), then the project's jar. */
    List<Path> classpath() throws MojoExecutionException {
        List<Artifact> dependencies = new ArrayList<>(project.getArtifacts());
        dependencies.sort(Comparator.comparingInt((Artifact a) -> a.getDependencyTrail() == null ? 0
                : a.getDependencyTrail().size()).reversed());
        List<Path> jars = new ArrayList<>();
        for (Artifact dependency : dependencies) {
            if (dependency.getFile() != null && dependency.getFile().getName().endsWith(".jar")) {
                jars.add(dependency.getFile().toPath());
            }
        }
        File own = project.getArtifact().getFile();
        if (own == null || !own.isFile() || !own.getName().endsWith(".jar")) {
            throw new MojoExecutionException("the project's jar is not built yet: run reactive:build in the package"
                    + " phase or later (mvn package), with jar packaging");
        }
        jars.add(own.toPath());
        return jars;
    }

    private long epochSeconds() throws MojoFailureException {
        if (outputTimestamp == null || outputTimestamp.length() < 2) {
            return BuildRequest.DEFAULT_EPOCH_SECONDS;
        }
        try {
            return outputTimestamp.chars().allMatch(Character::isDigit) ? Long.parseLong(outputTimestamp)
                    : OffsetDateTime.parse(outputTimestamp).toEpochSecond();
        } catch (DateTimeException | NumberFormatException e) {
            throw new MojoFailureException("project.build.outputTimestamp=" + outputTimestamp + ": not ISO-8601"
                    + " with an offset (2026-01-01T00:00:00Z) nor seconds since 1970", e);
        }
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}
