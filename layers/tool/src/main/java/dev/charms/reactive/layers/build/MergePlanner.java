package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.source.IgnoreRules;
import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerStack;
import dev.charms.reactive.layers.yaml.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Decides every file of the built charm, charm-tools style. Per layer, base first: files matched by the layer's
 * own {@code exclude}, its {@code .jujuignore} or the default ignores are skipped, and so are files matched by
 * the {@code ignore} of <em>any</em> higher layer; the merged YAML files are merged (see {@link MergedYaml});
 * every other file is copied, a higher layer's copy replacing a lower one with a warning when they differ.
 * Under all layers lie the generated files ({@code dispatch}, the hook links) and the classpath jars in
 * {@code lib/}, which a layer may replace, also with a warning.
 */
final class MergePlanner {

    /** Paths never copied from any layer, at any depth; as Juju and charm-tools skip them. */
    static final IgnoreRules DEFAULT_IGNORES = IgnoreRules.of(List.of(".git/", ".bzr/", ".hg/", ".svn/", ".tox/",
            "*~", "*.swp", "*.charm", "/build/"));

    /** Hooks linked to dispatch, for Juju before 2.8 (charmcraft's minimum set). */
    static final List<String> HOOK_LINKS = List.of("hooks/install", "hooks/start", "hooks/upgrade-charm");

    private static final Set<String> NOT_COPIED = Set.of("layer.yaml", "interface.yaml", ".build.manifest",
            ".jujuignore");
    private static final Pattern CHARM_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");
    private static final Pattern JAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*\\.jar");

    private final Consumer<String> warnings;

    MergePlanner(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Plans the build of {@code stack}.
     *
     * @param options the resolved layer options
     * @param libs    the charm's runtime classpath, in order; each must be a jar
     * @throws LayerToolException when no layer provides metadata.yaml or its name is unusable, or a jar clashes
     */
    BuildPlan plan(LayerStack stack, Map<String, Map<String, Object>> options, List<Path> libs,
            DispatchScript dispatch) {
        List<Layer> layers = stack.layers();
        Map<String, List<String>> listings = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> yamlDocs = new LinkedHashMap<>();
        Map<String, String> yamlOrigin = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            IgnoreRules own = DEFAULT_IGNORES.and(IgnoreRules.of(layer.config().exclude())).and(jujuignore(layer));
            IgnoreRules above = IgnoreRules.NONE;
            for (Layer higher : layers.subList(i + 1, layers.size())) {
                above = above.and(IgnoreRules.of(higher.config().ignore()));
            }
            IgnoreRules ignoredFromAbove = above;
            List<String> copied = new ArrayList<>();
            for (String path : layer.files().list((p, dir) -> own.matches(p, dir) || ignoredFromAbove.matches(p, dir))) {
                if (MergedYaml.FILES.contains(path)) {
                    yamlDocs.computeIfAbsent(path, f -> new LinkedHashMap<>()).put(layer.name(), read(layer, path));
                    yamlOrigin.put(path, layer.name());
                } else if (!NOT_COPIED.contains(path)) {
                    copied.add(path);
                }
            }
            listings.put(layer.name(), copied);
        }
        SortedMap<String, PlannedFile> files = new TreeMap<>();
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (String file : MergedYaml.FILES) {
            if (yamlDocs.containsKey(file)) {
                merged.put(file, MergedYaml.merge(file, layers, yamlDocs.get(file), warnings));
                files.put(file, new PlannedFile(yamlOrigin.get(file), true,
                        new Content.Text(YamlDocuments.write(merged.get(file)), false)));
            }
        }
        String name = charmName(merged.get("metadata.yaml"), layers);
        List<String> jars = addLibs(libs, files);
        files.put("dispatch", new PlannedFile(PlannedFile.GENERATED, true,
                new Content.Text(dispatch.render(new DispatchScript.Context(name, jars, options)), true)));
        for (String hook : HOOK_LINKS) {
            files.put(hook, new PlannedFile(PlannedFile.GENERATED, true, new Content.Symlink("../dispatch")));
        }
        for (Layer layer : layers) {
            for (String path : listings.get(layer.name())) {
                copy(layer, path, files);
            }
        }
        files.put("layer.yaml", new PlannedFile(stack.top().name(), true,
                new Content.Text(YamlDocuments.write(LayerYamlOutput.of(stack, options)), false)));
        warnUnusedInterfaces(stack, merged.get("metadata.yaml"));
        return new BuildPlan(name, files, options);
    }

    private void copy(Layer layer, String path, SortedMap<String, PlannedFile> files) {
        Content content = new Content.LayerFile(layer.files(), path, layer.files().executable(path));
        PlannedFile lower = files.get(path);
        try {
            if (lower != null && !lower.content().sameAs(content)) {
                warnings.accept(path + ": the copy from layer '" + layer.name() + "' replaces the one from "
                        + lower.describeOrigin());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(path, new PlannedFile(layer.name(), false, content));
    }

    private List<String> addLibs(List<Path> libs, SortedMap<String, PlannedFile> files) {
        if (libs.isEmpty()) {
            warnings.accept("no jars given (--lib or --classpath): the charm has no code to run");
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path jar : libs) {
            String fileName = jar.getFileName().toString();
            if (!JAR_NAME.matcher(fileName).matches()) {
                throw new LayerToolException(jar + ": lib/ holds jars named with letters, digits and . _ + -,"
                        + " ending in .jar; rename it or give the jar instead of a directory");
            }
            Path clash = byName.putIfAbsent(fileName, jar);
            if (clash != null) {
                throw new LayerToolException("two jars on the classpath are named " + fileName + ": " + clash
                        + " and " + jar + "; both would be lib/" + fileName + ", so rename one");
            }
            files.put("lib/" + fileName, new PlannedFile(PlannedFile.CLASSPATH, false, new Content.External(jar)));
        }
        return new ArrayList<>(byName.keySet());
    }

    private String charmName(Map<String, Object> metadata, List<Layer> layers) {
        if (metadata == null) {
            throw new LayerToolException("no layer provides metadata.yaml (layers: "
                    + String.join(", ", layers.stream().map(Layer::name).toList())
                    + "); add one to the charm's layer with at least name, summary and description");
        }
        Object name = metadata.get("name");
        if (!(name instanceof String text) || !CHARM_NAME.matcher(text).matches()) {
            throw new LayerToolException("metadata.yaml: name " + (name == null ? "is missing"
                    : "\"" + name + "\" is not a valid charm name")
                    + "; use lower-case letters, digits and hyphens, starting with a letter, each hyphen-separated"
                    + " part containing a letter (e.g. my-charm)");
        }
        return text;
    }

    private void warnUnusedInterfaces(LayerStack stack, Map<String, Object> metadata) {
        Set<String> used = new HashSet<>();
        for (String section : List.of("provides", "requires", "peers")) {
            if (metadata.get(section) instanceof Map<?, ?> endpoints) {
                for (Object endpoint : endpoints.values()) {
                    used.add(endpoint instanceof Map<?, ?> spec ? String.valueOf(spec.get("interface"))
                            : String.valueOf(endpoint));
                }
            }
        }
        for (Layer layer : stack.interfaces()) {
            if (!used.contains(layer.name())) {
                warnings.accept("interface '" + layer.name() + "' is included, but no endpoint in metadata.yaml"
                        + " uses it; remove interface:" + layer.name() + " from includes or add the endpoint");
            }
        }
    }

    private static IgnoreRules jujuignore(Layer layer) {
        if (!layer.files().isFile(".jujuignore")) {
            return IgnoreRules.NONE;
        }
        try {
            return IgnoreRules.of(layer.files().readString(".jujuignore").lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(Layer layer, String path) {
        try {
            return YamlDocuments.readMap(layer.files().readString(path), layer.files().location(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
