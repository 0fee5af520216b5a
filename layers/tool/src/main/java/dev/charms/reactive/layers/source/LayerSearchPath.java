package dev.charms.reactive.layers.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The directories searched for {@code layer:NAME} and {@code interface:NAME}, in order. Each may hold
 * {@code NAME/} or {@code layer-NAME/} (or {@code interface-NAME/}).
 *
 * @param layerDirs     from {@code CHARM_LAYERS_DIR}, else the deprecated {@code LAYER_PATH}
 * @param interfaceDirs from {@code CHARM_INTERFACES_DIR}, else the deprecated {@code INTERFACE_PATH}
 */
public record LayerSearchPath(List<Path> layerDirs, List<Path> interfaceDirs) {

    public LayerSearchPath {
        layerDirs = List.copyOf(layerDirs);
        interfaceDirs = List.copyOf(interfaceDirs);
    }

    /**
     * Reads the search path from environment variables (each a list separated by the platform's path separator,
     * {@code :} on Linux; charm-tools accepts a single directory). The old names are used only when the new ones
     * are unset, with a deprecation warning.
     *
     * @param environment looks up a variable; returns null when unset
     */
    public static LayerSearchPath fromEnvironment(Function<String, String> environment, Consumer<String> warnings) {
        return new LayerSearchPath(dirs(environment, "CHARM_LAYERS_DIR", "LAYER_PATH", warnings),
                dirs(environment, "CHARM_INTERFACES_DIR", "INTERFACE_PATH", warnings));
    }

    /** The directories for layers of {@code kind}. */
    public List<Path> dirs(LayerKind kind) {
        return kind == LayerKind.LAYER ? layerDirs : interfaceDirs;
    }

    /** The variable that sets the directories for {@code kind}, for messages. */
    public static String variable(LayerKind kind) {
        return kind == LayerKind.LAYER ? "CHARM_LAYERS_DIR" : "CHARM_INTERFACES_DIR";
    }

    private static List<Path> dirs(Function<String, String> environment, String name, String oldName,
            Consumer<String> warnings) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            value = environment.apply(oldName);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            warnings.accept(oldName + " is deprecated; set " + name + " instead");
        }
        List<Path> dirs = new ArrayList<>();
        for (String entry : value.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }
}
