package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerStack;
import dev.charms.reactive.layers.yaml.YamlMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code layer.yaml} of a built charm, which the charm reads at run time: {@code is} (the charm's layer),
 * {@code repo} (when the charm's layer.yaml sets it), {@code includes} (every layer below the charm's, base
 * first, then the interfaces) and {@code options} (complete: every option of every layer that defines any, with
 * defaults filled in). {@code defines}, {@code exclude}, {@code ignore} and {@code deletes} did their work in
 * the build and are not repeated.
 */
final class LayerYamlOutput {

    private LayerYamlOutput() {
    }

    static Map<String, Object> of(LayerStack stack, Map<String, Map<String, Object>> options) {
        Layer top = stack.top();
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("is", top.config().is().orElse(top.name()));
        top.config().repo().ifPresent(repo -> yaml.put("repo", repo));
        List<Object> includes = new ArrayList<>();
        for (Layer layer : stack.layers()) {
            if (layer != top) {
                includes.add(layer.url());
            }
        }
        stack.interfaces().forEach(layer -> includes.add(layer.url()));
        yaml.put("includes", includes);
        Map<String, Object> resolved = new LinkedHashMap<>();
        options.forEach((layer, values) -> resolved.put(layer, YamlMerge.copyMap(values)));
        yaml.put("options", resolved);
        return yaml;
    }
}
