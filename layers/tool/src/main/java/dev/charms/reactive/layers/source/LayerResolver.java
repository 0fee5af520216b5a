package dev.charms.reactive.layers.source;

import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.LayerToolException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every layer a charm is built from and puts them in charm-tools' order: each layer's {@code includes}
 * in list order, depth-first, so a layer comes after everything it builds on; the first occurrence of a name
 * wins; the charm's own layer comes last. Every charm is built on {@code layer:basic}, which is included first
 * even when no layer names it.
 *
 * <p>{@code layer:NAME} and {@code interface:NAME} are looked up in the search-path directories
 * ({@code NAME/}, then {@code layer-NAME/} or {@code interface-NAME/}), then in the jars on the charm's
 * classpath, then among the standard layers. Any other include is a directory path, relative to the including
 * layer's directory.
 */
public final class LayerResolver {

    /** The layer every charm is built on. */
    public static final String BASE_LAYER = "basic";

    private static final Pattern REMOTE = Pattern.compile(
            "^(gh|github|lp|launchpad|bb|bitbucket|cs|bundle|git\\+ssh|bzr\\+ssh):.*|.*://.*|^git@.*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final LayerSearchPath search;
    private final List<Layer> classpathLayers;
    private final List<Layer> standardLayers;
    private final Set<Path> prune;
    private final Consumer<String> warnings;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, Layer> interfaces = new LinkedHashMap<>();

    /**
     * @param search    the directories to search
     * @param classpath the charm's runtime classpath; jars holding {@code reactive-layer/} are layers
     * @param standard  the standard layers, see {@link StandardLayers}
     * @param prune     real paths of directories never to read inside a layer (the build output)
     * @param warnings  receives one line per warning
     */
    public LayerResolver(LayerSearchPath search, List<Path> classpath, List<LayerFiles> standard, Set<Path> prune,
            Consumer<String> warnings) {
        this.search = search;
        this.prune = Set.copyOf(prune);
        this.warnings = warnings;
        this.classpathLayers = new ArrayList<>();
        for (Path jar : classpath) {
            JarLayerFiles.open(jar).ifPresent(files ->
                    classpathLayers.add(packaged(files, Optional.of(jar.getFileName().toString()))));
        }
        this.standardLayers = standard.stream().map(files -> packaged(files, Optional.empty())).toList();
    }

    /**
     * Resolves the layers of the charm whose own layer is the directory {@code charmDir}.
     *
     * @throws LayerToolException for a layer or interface that cannot be found, an include cycle, or a bad
     *                            layer.yaml, naming the layer.yaml that asked for it
     */
    public LayerStack resolve(Path charmDir) {
        if (!Files.isDirectory(charmDir)) {
            throw new LayerToolException(charmDir + ": not a directory; give the directory of the charm's own"
                    + " layer (the one with metadata.yaml and layer.yaml)");
        }
        DirectoryLayerFiles files = new DirectoryLayerFiles(charmDir, prune);
        if (files.isFile(LayerKind.INTERFACE.yamlFile())) {
            throw new LayerToolException(files.location(LayerKind.INTERFACE.yamlFile())
                    + ": this is an interface layer; build the charm layer that includes it instead");
        }
        LayerConfig config = LayerConfig.read(files, LayerKind.LAYER, warnings);
        String name = config.name().orElse(files.root().getFileName().toString());
        Layer top = new Layer(name, LayerKind.LAYER, name, files, config, Optional.empty());
        List<String> includes = new ArrayList<>();
        if (!name.equals(BASE_LAYER)) {
            includes.add(LayerKind.LAYER.prefix() + ":" + BASE_LAYER);
        }
        includes.addAll(config.includes());
        List<String> chain = new ArrayList<>(List.of(name));
        visit(top, includes, chain);
        layers.put(name, top);
        for (Layer layer : classpathLayers) {
            Layer used = (layer.kind() == LayerKind.LAYER ? layers : interfaces).get(layer.name());
            if (used != layer) {
                warnings.accept(layer.jarName().orElseThrow() + " on the classpath holds " + layer.kind().prefix()
                        + " '" + layer.name() + "', which no layer.yaml includes: its classes are in lib/ but its"
                        + " files are not in the charm; add " + layer.kind().prefix() + ":" + layer.name()
                        + " to includes");
            }
        }
        return new LayerStack(new ArrayList<>(layers.values()), new ArrayList<>(interfaces.values()));
    }

    private void visit(Layer layer, List<String> includes, List<String> chain) {
        for (String include : includes) {
            Layer child = find(include, layer);
            Map<String, Layer> seen = child.kind() == LayerKind.LAYER ? layers : interfaces;
            Layer earlier = seen.get(child.name());
            if (earlier != null) {
                if (!earlier.files().location().equals(child.files().location())) {
                    warnings.accept(layer.config().source() + ": includes " + include + " (" + child.describe()
                            + "), but " + earlier.describe() + " was included first and is used");
                }
                continue;
            }
            if (child.kind() == LayerKind.INTERFACE) {
                interfaces.put(child.name(), child);
                continue;
            }
            String topName = chain.get(0);
            if (child.kind() == LayerKind.LAYER && child.name().equals(topName)) {
                throw new LayerToolException(layer.config().source() + ": includes " + child.describe()
                        + ", which has the name of the charm's layer '" + topName + "'; rename one of them"
                        + " (\"name:\" in layer.yaml)");
            }
            if (chain.contains(child.name())) {
                throw new LayerToolException(layer.config().source() + ": include cycle: "
                        + String.join(" -> ", chain) + " -> " + child.name() + "; remove one of these includes");
            }
            chain.add(child.name());
            visit(child, child.config().includes(), chain);
            chain.remove(chain.size() - 1);
            layers.put(child.name(), child);
        }
    }

    private Layer find(String include, Layer includer) {
        String source = includer.config().source();
        if (REMOTE.matcher(include).matches()) {
            throw new LayerToolException(source + ": includes " + include + ", a remote layer; layers are never"
                    + " fetched: check it out and add its directory to CHARM_LAYERS_DIR, or depend on its jar");
        }
        for (LayerKind kind : LayerKind.values()) {
            String prefix = kind.prefix() + ":";
            if (include.startsWith(prefix)) {
                String name = include.substring(prefix.length());
                if (name.contains("@")) {
                    throw new LayerToolException(source + ": includes " + include + "; revisions (@...) are not"
                            + " supported: pin a layer's version through the charm's dependencies");
                }
                if (!NAME.matcher(name).matches()) {
                    throw new LayerToolException(source + ": includes \"" + include + "\"; after \"" + prefix
                            + "\" comes a name of letters, digits, '.', '_' and '-'");
                }
                return findNamed(kind, name, include, source);
            }
        }
        if (!(includer.files() instanceof DirectoryLayerFiles dir)) {
            throw new LayerToolException(source + ": includes the path " + include + ", but a jar layer can only"
                    + " include layer:NAME and interface:NAME");
        }
        Path path = dir.root().resolve(include).normalize();
        if (!Files.isDirectory(path)) {
            throw new LayerToolException(source + ": includes " + include + ", which is " + path
                    + ": no such directory (paths are relative to the including layer's directory)");
        }
        boolean isInterface = Files.isRegularFile(path.resolve(LayerKind.INTERFACE.yamlFile()));
        return directoryLayer(path, isInterface ? LayerKind.INTERFACE : LayerKind.LAYER, include,
                path.getFileName().toString());
    }

    private Layer findNamed(LayerKind kind, String name, String include, String source) {
        for (Path dir : search.dirs(kind)) {
            for (String candidate : List.of(name, kind.prefix() + "-" + name)) {
                Path path = dir.resolve(candidate);
                if (Files.isDirectory(path)) {
                    return directoryLayer(path, kind, include, name);
                }
            }
        }
        for (List<Layer> packaged : List.of(classpathLayers, standardLayers)) {
            for (Layer layer : packaged) {
                if (layer.kind() == kind && layer.name().equals(name)) {
                    return layer;
                }
            }
        }
        Set<String> known = knownNames(kind);
        throw new LayerToolException(source + ": includes " + include + ", which was not found"
                + Suggestions.closest(name, known).map(c -> " (did you mean " + kind.prefix() + ":" + c + "?)")
                        .orElse("")
                + ". Looked in " + LayerSearchPath.variable(kind) + " (" + describeDirs(search.dirs(kind)) + "),"
                + " the jar layers on the classpath (" + describeNames(classpathLayers, kind) + ") and the"
                + " standard layers (" + describeNames(standardLayers, kind) + "). Set "
                + LayerSearchPath.variable(kind) + " to the directory holding " + name + "/ or " + kind.prefix()
                + "-" + name + "/, or add the layer's jar to the classpath");
    }

    private Layer directoryLayer(Path path, LayerKind kind, String url, String fallbackName) {
        DirectoryLayerFiles files = new DirectoryLayerFiles(path, prune);
        LayerConfig config = LayerConfig.read(files, kind, warnings);
        return new Layer(config.name().orElse(fallbackName), kind, url, files, config, Optional.empty());
    }

    private Layer packaged(LayerFiles files, Optional<String> jarName) {
        LayerKind kind = files.isFile(LayerKind.LAYER.yamlFile()) ? LayerKind.LAYER : LayerKind.INTERFACE;
        LayerConfig config = LayerConfig.read(files, kind, warnings);
        String name = config.name().orElseThrow(() -> new LayerToolException(config.source()
                + ": a layer packaged in a jar must set \"name:\" (the NAME of " + kind.prefix() + ":NAME)"));
        return new Layer(name, kind, kind.prefix() + ":" + name, files, config, jarName);
    }

    private Set<String> knownNames(LayerKind kind) {
        Set<String> names = new TreeSet<>();
        for (Path dir : search.dirs(kind)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                            .map(n -> n.startsWith(kind.prefix() + "-") ? n.substring(kind.prefix().length() + 1) : n)
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (List<Layer> packaged : List.of(classpathLayers, standardLayers)) {
            packaged.stream().filter(l -> l.kind() == kind).map(Layer::name).forEach(names::add);
        }
        return names;
    }

    private static String describeDirs(List<Path> dirs) {
        if (dirs.isEmpty()) {
            return "unset";
        }
        return String.join(File.pathSeparator, dirs.stream().map(Path::toString).toList());
    }

    private static String describeNames(List<Layer> packaged, LayerKind kind) {
        Set<String> names = new LinkedHashSet<>();
        packaged.stream().filter(l -> l.kind() == kind).map(Layer::name).forEach(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
