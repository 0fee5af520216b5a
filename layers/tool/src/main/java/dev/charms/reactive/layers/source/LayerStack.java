package dev.charms.reactive.layers.source;

import java.util.List;

/**
 * The layers of a build in charm-tools' order: {@code layers} base first, the charm's own layer last (so a later
 * layer wins); {@code interfaces} in the order they were first included.
 */
public record LayerStack(List<Layer> layers, List<Layer> interfaces) {

    public LayerStack {
        layers = List.copyOf(layers);
        interfaces = List.copyOf(interfaces);
    }

    /** The charm's own layer, the last of {@link #layers()}. */
    public Layer top() {
        return layers.get(layers.size() - 1);
    }
}
