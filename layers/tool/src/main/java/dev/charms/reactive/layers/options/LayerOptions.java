package dev.charms.reactive.layers.options;

import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.source.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves layer options. Each layer's {@code defines} declares the options of that layer, named by the layer's
 * name; any layer may set them under {@code options: {<layer>: {<option>: value}}}. A higher layer's value
 * replaces a lower layer's value for the same option (values are not merged). Every value is checked against its
 * schema, and every option with a default ends up in the result.
 */
public final class LayerOptions {

    private LayerOptions() {
    }

    /**
     * The complete options of every layer that defines any, keyed by layer name in build order, each with its
     * options in declaration order.
     *
     * @param layers base first, as in {@link dev.charms.reactive.layers.source.LayerStack#layers()}
     * @throws LayerToolException listing every problem: an option for an unknown layer or an undefined option
     *                            (each naming the layer.yaml that set it), a value of the wrong type, a bad schema
     */
    public static Map<String, Map<String, Object>> resolve(List<Layer> layers) {
        Map<String, Map<String, OptionSchema>> schemas = new LinkedHashMap<>();
        for (Layer layer : layers) {
            if (!layer.config().defines().isEmpty()) {
                Map<String, OptionSchema> defined = new LinkedHashMap<>();
                layer.config().defines().forEach((name, schema) -> defined.put(name,
                        OptionSchema.parse(schema, layer.config().source() + ": defines." + name)));
                schemas.put(layer.name(), defined);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> set = new LinkedHashMap<>();
        List<String> layerNames = layers.stream().map(Layer::name).toList();
        for (Layer layer : layers) {
            String source = layer.config().source();
            layer.config().options().forEach((target, values) -> {
                Map<String, OptionSchema> defined = schemas.get(target);
                if (defined == null) {
                    problems.add(source + ": sets options for layer '" + target + "', "
                            + (layerNames.contains(target) ? "which defines no options"
                                    : "which is not in this build" + Suggestions.didYouMean(target, layerNames))
                            + "; layers that define options: " + String.join(", ", schemas.keySet()));
                    return;
                }
                values.forEach((option, value) -> {
                    OptionSchema schema = defined.get(option);
                    if (schema == null) {
                        problems.add(source + ": sets option " + target + "." + option + ", which layer '" + target
                                + "' does not define" + Suggestions.didYouMean(option, defined.keySet())
                                + "; it defines: " + String.join(", ", defined.keySet()));
                        return;
                    }
                    List<String> valueProblems = new ArrayList<>();
                    schema.validate(value, "options." + target + "." + option, valueProblems);
                    valueProblems.forEach(problem -> problems.add(source + ": " + problem));
                    set.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(option, value);
                });
            });
        }
        if (!problems.isEmpty()) {
            throw new LayerToolException("invalid layer options:\n  " + String.join("\n  ", problems));
        }
        Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
        schemas.forEach((layer, defined) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Object> given = set.getOrDefault(layer, Map.of());
            defined.forEach((option, schema) -> {
                Object value = schema.withDefaults(given.get(option));
                if (value != null || given.containsKey(option)) {
                    values.put(option, value);
                }
            });
            resolved.put(layer, values);
        });
        return resolved;
    }
}
