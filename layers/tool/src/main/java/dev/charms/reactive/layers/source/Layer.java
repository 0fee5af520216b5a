package dev.charms.reactive.layers.source;

import java.util.Optional;

/**
 * One layer of a build, found and read.
 *
 * @param name    the layer's name: {@code name:} in its layer.yaml, else the name it was included by, else its
 *                directory's name
 * @param kind    layer or interface
 * @param url     how it was asked for: {@code layer:NAME}, {@code interface:NAME}, a path as written, or the
 *                charm's own name for the top layer
 * @param files   its files
 * @param config  its layer.yaml (or interface.yaml)
 * @param jarName the file name of the jar it came from, when it came from a jar
 */
public record Layer(String name, LayerKind kind, String url, LayerFiles files, LayerConfig config,
        Optional<String> jarName) {

    /** {@code layer 'name' (location)}, for messages. */
    public String describe() {
        return kind.prefix() + " '" + name + "' (" + files.location() + ")";
    }
}
