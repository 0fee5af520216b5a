package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.source.LayerFiles;
import dev.charms.reactive.layers.source.LayerSearchPath;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build.
 *
 * @param charmDir       the directory of the charm's own layer
 * @param outputDir      the directory under which {@code <charm>/} and {@code <charm>.charm} are written
 * @param libs           the charm's runtime classpath (jars), in order; they become {@code lib/}
 * @param search         where {@code layer:NAME} and {@code interface:NAME} are looked for
 * @param standardLayers the layers shipped with the tool
 * @param dispatch       writes the {@code dispatch} script
 * @param force          build over local edits, and install the charm despite proof errors
 * @param archive        also write {@code <charm>.charm}
 * @param epochSeconds   the timestamp of every archive entry (SOURCE_DATE_EPOCH)
 * @param lint           lint the built charm's flags ({@code reactive lint}); its errors, like proof's, keep the
 *                       charm from being installed unless forced
 */
public record BuildRequest(Path charmDir, Path outputDir, List<Path> libs, LayerSearchPath search,
        List<LayerFiles> standardLayers, DispatchScript dispatch, boolean force, boolean archive,
        long epochSeconds, boolean lint) {

    /** 1980-01-01T00:00:00Z, the earliest zip timestamp: the default when SOURCE_DATE_EPOCH is not set. */
    public static final long DEFAULT_EPOCH_SECONDS = 315_532_800L;

    public BuildRequest {
        libs = List.copyOf(libs);
        standardLayers = List.copyOf(standardLayers);
    }
}
