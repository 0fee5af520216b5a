package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.lint.LintReport;
import dev.charms.reactive.layers.proof.ProofReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a build did.
 *
 * @param charmName the charm's name
 * @param charmDir  the built charm directory
 * @param archive   the {@code .charm} file, when one was written
 * @param installed whether the build replaced {@code charmDir}; false when proof or lint found errors and the
 *                  build was not forced (the previous build, if any, is untouched)
 * @param layers    the layer names, base first, then the interfaces
 * @param files     how many files the charm has
 * @param proof     the proof of the built charm
 * @param lint      the lint of the built charm's flags; {@link LintReport#NONE} when not asked for
 */
public record BuildResult(String charmName, Path charmDir, Optional<Path> archive, boolean installed,
        List<String> layers, int files, ProofReport proof, LintReport lint) {

    public BuildResult {
        layers = List.copyOf(layers);
    }
}
