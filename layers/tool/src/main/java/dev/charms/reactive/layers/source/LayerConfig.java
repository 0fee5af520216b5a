package dev.charms.reactive.layers.source;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.yaml.YamlDocuments;
import dev.charms.reactive.layers.yaml.YamlMerge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One layer's {@code layer.yaml} (or an interface layer's {@code interface.yaml}), checked for types. A layer
 * without the file has an empty configuration.
 *
 * @param source   the file, as named in messages (it may not exist)
 * @param name     {@code name:}, when set
 * @param includes {@code includes:} in order
 * @param repo     {@code repo:}, when set
 * @param is       {@code is:}, when set
 * @param defines  {@code defines:}: option name to its JSON-schema, in order
 * @param options  {@code options:}: layer name to option name to value, in order
 * @param exclude  {@code exclude:} patterns (this layer's own files)
 * @param ignore   {@code ignore:} patterns (files of every lower layer)
 * @param deletes  section ({@code metadata}, {@code config}, {@code actions}) to the dotted keys it deletes
 */
public record LayerConfig(String source, Optional<String> name, List<String> includes, Optional<String> repo,
        Optional<String> is, Map<String, Object> defines, Map<String, Map<String, Object>> options,
        List<String> exclude, List<String> ignore, Map<String, List<String>> deletes) {

    /** The sections of layer.yaml that may carry {@code deletes:}, and the file each one edits. */
    public static final Map<String, String> DELETE_SECTIONS =
            Map.of("metadata", "metadata.yaml", "config", "config.yaml", "actions", "actions.yaml");

    private static final Set<String> LAYER_KEYS = Set.of("includes", "repo", "name", "is", "defines", "options",
            "exclude", "ignore", "metadata", "config", "actions");
    private static final Set<String> INTERFACE_KEYS = Set.of("name", "summary", "description", "version",
            "maintainer", "maintainers", "repo", "exclude", "ignore");

    /**
     * Reads the configuration of a layer of {@code kind} from {@code files}. Unknown keys are reported through
     * {@code warnings}; keys of the wrong type, and charm-tools features we do not support, are errors.
     *
     * @throws LayerToolException naming the file and the key
     */
    public static LayerConfig read(LayerFiles files, LayerKind kind, Consumer<String> warnings) {
        String source = files.location(kind.yamlFile());
        if (!files.isFile(kind.yamlFile())) {
            return new LayerConfig(source, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                    Map.of(), Map.of(), List.of(), List.of(), Map.of());
        }
        Map<String, Object> yaml;
        try {
            yaml = YamlDocuments.readMap(files.readString(kind.yamlFile()), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(yaml, source, kind, warnings);
    }

    static LayerConfig parse(Map<String, Object> yaml, String source, LayerKind kind, Consumer<String> warnings) {
        Set<String> known = kind == LayerKind.LAYER ? LAYER_KEYS : INTERFACE_KEYS;
        for (String key : yaml.keySet()) {
            if (key.equals("tactics")) {
                throw new LayerToolException(source + ": \"tactics\" (custom Python build tactics) is not"
                        + " supported; remove it, and merge the files with an ordinary layer instead");
            }
            if (!known.contains(key)) {
                warnings.accept(source + ": unknown key \"" + key + "\" is ignored (known keys: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        Map<String, List<String>> deletes = new LinkedHashMap<>();
        if (kind == LayerKind.LAYER) {
            for (String section : List.of("metadata", "config", "actions")) {
                Map<String, Object> value = map(yaml, section, source);
                for (String key : value.keySet()) {
                    if (!key.equals("deletes")) {
                        throw new LayerToolException(source + ": " + section + "." + key
                                + " is not supported; the only key under \"" + section + "\" is \"deletes\"");
                    }
                }
                List<String> paths = strings(value.get("deletes"), section + ".deletes", source);
                if (!paths.isEmpty()) {
                    deletes.put(section, paths);
                }
            }
        }
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map(yaml, "options", source).entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> layerOptions)) {
                throw new LayerToolException(source + ": options." + entry.getKey() + " must be a map of option"
                        + " names to values, found " + YamlDocuments.describe(entry.getValue()));
            }
            options.put(entry.getKey(), YamlMerge.asMap(layerOptions));
        }
        return new LayerConfig(source, string(yaml, "name", source), strings(yaml.get("includes"), "includes",
                source), string(yaml, "repo", source), string(yaml, "is", source), map(yaml, "defines", source),
                options, strings(yaml.get("exclude"), "exclude", source),
                strings(yaml.get("ignore"), "ignore", source), deletes);
    }

    private static Optional<String> string(Map<String, Object> yaml, String key, String source) {
        Object value = yaml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new LayerToolException(source + ": \"" + key + "\" must be a non-empty string, found "
                    + YamlDocuments.describe(value));
        }
        return Optional.of(text);
    }

    private static Map<String, Object> map(Map<String, Object> yaml, String key, String source) {
        Object value = yaml.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new LayerToolException(source + ": \"" + key + "\" must be a map, found "
                    + YamlDocuments.describe(value));
        }
        return YamlMerge.asMap(map);
    }

    private static List<String> strings(Object value, String key, String source) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw new LayerToolException(source + ": every item of \"" + key + "\" must be a string,"
                            + " found " + YamlDocuments.describe(item) + " (" + item + ")");
                }
                result.add(text);
            }
            return List.copyOf(result);
        }
        throw new LayerToolException(source + ": \"" + key + "\" must be a list of strings, found "
                + YamlDocuments.describe(value));
    }
}
