package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.SafePath;
import dev.charms.reactive.layers.flow.CharmInput;
import dev.charms.reactive.layers.flow.FlowAnalysis;
import dev.charms.reactive.layers.lint.Lint;
import dev.charms.reactive.layers.lint.LintReport;
import dev.charms.reactive.layers.options.LayerOptions;
import dev.charms.reactive.layers.proof.Level;
import dev.charms.reactive.layers.proof.Proof;
import dev.charms.reactive.layers.proof.ProofReport;
import dev.charms.reactive.layers.source.DirectoryLayerFiles;
import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerResolver;
import dev.charms.reactive.layers.source.LayerStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a charm: resolves its layers, validates their options, plans every file, refuses to overwrite local
 * edits, writes the charm into a staging directory, proofs it and (when asked) lints its flags, and only then swaps
 * it in and packs the {@code .charm}. When anything fails, the previous build (if any) is left as it was.
 */
public final class CharmBuilder {

    private CharmBuilder() {
    }

    /**
     * Runs the build described by {@code request}.
     *
     * @param warnings receives each warning as it arises (so warnings before a failure are not lost)
     * @throws LayerToolException for any problem in the layers or the output directory, naming file and fix
     * @throws IOException        when reading or writing fails
     */
    public static BuildResult build(BuildRequest request, Consumer<String> warnings) throws IOException {
        Path outputDir = request.outputDir().toAbsolutePath().normalize();
        Set<Path> prune = Files.isDirectory(outputDir) ? Set.of(outputDir.toRealPath()) : Set.of(outputDir);
        LayerStack stack = new LayerResolver(request.search(), request.libs(), request.standardLayers(), prune,
                warnings).resolve(request.charmDir());
        Map<String, Map<String, Object>> options = LayerOptions.resolve(stack.layers());
        BuildPlan plan = new MergePlanner(warnings).plan(stack, options, request.libs(), request.dispatch());
        Path target = outputDir.resolve(plan.charmName());
        checkNotALayer(target, stack);
        OutputDirectory.checkLocalEdits(target, request.force(), warnings);
        Files.createDirectories(outputDir);
        Path stage = OutputDirectory.stage(target);
        Path archiveTemp = null;
        try {
            int files = write(plan, stack, stage);
            ProofReport proof = Proof.check(stage);
            LintReport lint = request.lint() ? lint(stage) : LintReport.NONE;
            List<String> layerNames = Stream.concat(stack.layers().stream(), stack.interfaces().stream())
                    .map(Layer::name).toList();
            if ((proof.count(Level.ERROR) > 0 || lint.count(Level.ERROR) > 0) && !request.force()) {
                return new BuildResult(plan.charmName(), target, Optional.empty(), false, layerNames, files,
                        proof, lint);
            }
            Optional<Path> archive = Optional.empty();
            if (request.archive()) {
                archiveTemp = Files.createTempFile(outputDir, "." + plan.charmName() + ".charm-", ".tmp");
                CharmArchive.write(stage, archiveTemp, request.epochSeconds());
            }
            OutputDirectory.install(stage, target);
            if (archiveTemp != null) {
                archive = Optional.of(outputDir.resolve(plan.charmName() + ".charm"));
                Files.move(archiveTemp, archive.get(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return new BuildResult(plan.charmName(), target, archive, true, layerNames, files, proof, lint);
        } finally {
            OutputDirectory.deleteRecursively(stage);
            if (archiveTemp != null) {
                Files.deleteIfExists(archiveTemp);
            }
        }
    }

    /** Lints the flags of the charm built in {@code stage}. */
    private static LintReport lint(Path stage) throws IOException {
        try (CharmInput input = CharmInput.open(stage, List.of(), null)) {
            return Lint.check(FlowAnalysis.analyze(input));
        }
    }

    /** Writes every planned file and the manifest into {@code stage}; returns the number of files. */
    private static int write(BuildPlan plan, LayerStack stack, Path stage) throws IOException {
        SortedMap<String, BuildManifest.Signature> signatures = new TreeMap<>();
        for (Map.Entry<String, PlannedFile> entry : plan.files().entrySet()) {
            String path = SafePath.check(entry.getKey(), "build output");
            PlannedFile file = entry.getValue();
            Path out = stage.resolve(path);
            createParents(stage, out.getParent());
            file.content().writeTo(out);
            if (!(file.content() instanceof Content.Symlink)) {
                Files.setPosixFilePermissions(out, file.content().executable() ? OutputDirectory.EXECUTABLE_MODE
                        : OutputDirectory.FILE_MODE);
            }
            signatures.put(path, new BuildManifest.Signature(file.origin(), file.dynamic(),
                    BuildManifest.sha256(out)));
        }
        Path manifest = stage.resolve(BuildManifest.FILE);
        Files.writeString(manifest, BuildManifest.render(stack, signatures), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(manifest, OutputDirectory.FILE_MODE);
        return signatures.size() + 1;
    }

    private static void createParents(Path stage, Path dir) throws IOException {
        if (dir.equals(stage) || Files.isDirectory(dir)) {
            return;
        }
        createParents(stage, dir.getParent());
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, OutputDirectory.DIRECTORY_MODE);
    }

    private static void checkNotALayer(Path target, LayerStack stack) {
        for (Layer layer : stack.layers()) {
            if (layer.files() instanceof DirectoryLayerFiles dir && dir.root().startsWith(target)) {
                throw new LayerToolException("the build output " + target + " would replace " + layer.describe()
                        + "; choose another output directory (--output-dir)");
            }
        }
    }
}
