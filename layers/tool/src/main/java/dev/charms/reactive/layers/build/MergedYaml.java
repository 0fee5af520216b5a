package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerConfig;
import dev.charms.reactive.layers.yaml.YamlMerge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Merges one YAML file ({@code metadata.yaml}, {@code config.yaml}, {@code actions.yaml}, {@code manifest.yaml})
 * across layers, base first, with {@link YamlMerge#deepMerge} and these special cases:
 * <ul>
 *   <li>metadata {@code series}: the higher layer's entries first, then the lower's not already listed;
 *   <li>metadata {@code maintainer}/{@code maintainers}: only from the highest layer that sets either;
 *   <li>manifest {@code bases}: the highest layer's list replaces the lower's (bases are not added up);
 *   <li>after each layer is merged, its layer.yaml {@code deletes} for the file apply to the result so far, so
 *       every layer's deletes count and a higher layer can add a deleted key back.
 * </ul>
 */
final class MergedYaml {

    /** The files merged rather than copied, in the order they are built. */
    static final List<String> FILES = List.of("metadata.yaml", "config.yaml", "actions.yaml", "manifest.yaml");

    private static final List<String> METADATA_ORDER = List.of("name", "summary", "maintainer", "maintainers",
            "description", "tags", "series", "requires", "provides", "peers");

    private MergedYaml() {
    }

    /**
     * The merged document.
     *
     * @param layers base first
     * @param docs   each layer's copy of the file by layer name, for the layers that have one
     */
    static Map<String, Object> merge(String file, List<Layer> layers, Map<String, Map<String, Object>> docs,
            Consumer<String> warnings) {
        String section = section(file);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Layer layer : layers) {
            Map<String, Object> doc = docs.get(layer.name());
            if (doc != null) {
                merged = mergeLayer(file, merged, doc);
            }
            for (String path : layer.config().deletes().getOrDefault(section, List.of())) {
                Object target = section.equals("config") ? merged.get("options") : merged;
                if (!(target instanceof Map<?, ?> map && YamlMerge.delete(YamlMerge.asMap(map), path))) {
                    warnings.accept(layer.config().source() + ": " + section + ".deletes: " + path + " is not in "
                            + file + (section.equals("config") ? " options" : "") + " as merged up to layer '"
                            + layer.name() + "'; nothing deleted");
                }
            }
        }
        return file.equals("metadata.yaml") ? metadataOrder(merged) : merged;
    }

    private static Map<String, Object> mergeLayer(String file, Map<String, Object> lower, Map<String, Object> doc) {
        Map<String, Object> next = YamlMerge.deepMerge(lower, doc);
        if (file.equals("metadata.yaml")) {
            if (doc.get("series") instanceof List<?> higher && lower.get("series") instanceof List<?> low) {
                next.put("series", YamlMerge.appendNew(higher, low));
            }
            if (doc.containsKey("maintainer") || doc.containsKey("maintainers")) {
                next.remove("maintainer");
                next.remove("maintainers");
                for (String key : List.of("maintainer", "maintainers")) {
                    if (doc.containsKey(key)) {
                        next.put(key, YamlMerge.copy(doc.get(key)));
                    }
                }
            }
        }
        if (file.equals("manifest.yaml") && doc.containsKey("bases")) {
            next.put("bases", YamlMerge.copy(doc.get("bases")));
        }
        return next;
    }

    private static String section(String file) {
        for (Map.Entry<String, String> entry : LayerConfig.DELETE_SECTIONS.entrySet()) {
            if (entry.getValue().equals(file)) {
                return entry.getKey();
            }
        }
        return file;
    }

    private static Map<String, Object> metadataOrder(Map<String, Object> merged) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : METADATA_ORDER) {
            if (merged.containsKey(key)) {
                ordered.put(key, merged.get(key));
            }
        }
        new TreeMap<>(merged).forEach(ordered::putIfAbsent);
        return ordered;
    }
}
