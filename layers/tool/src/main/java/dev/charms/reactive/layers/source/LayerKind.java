package dev.charms.reactive.layers.source;

/** What a layer is: an ordinary layer, or an interface layer (a relation protocol's implementation). */
public enum LayerKind {
    /** An ordinary layer, described by {@code layer.yaml}, included as {@code layer:NAME}. */
    LAYER("layer", "layer.yaml"),
    /** An interface layer, described by {@code interface.yaml}, included as {@code interface:NAME}. */
    INTERFACE("interface", "interface.yaml");

    private final String prefix;
    private final String yamlFile;

    LayerKind(String prefix, String yamlFile) {
        this.prefix = prefix;
        this.yamlFile = yamlFile;
    }

    /** The include prefix without the colon: {@code layer} or {@code interface}. */
    public String prefix() {
        return prefix;
    }

    /** The file that describes a layer of this kind, at the layer's root. */
    public String yamlFile() {
        return yamlFile;
    }
}
