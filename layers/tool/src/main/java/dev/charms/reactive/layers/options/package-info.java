/**
 * Layer options: each layer's {@code defines} (a JSON-schema subset) and the {@code options} other layers set,
 * validated, with defaults filled in for the built layer.yaml. Never null unless documented.
 */
package dev.charms.reactive.layers.options;
