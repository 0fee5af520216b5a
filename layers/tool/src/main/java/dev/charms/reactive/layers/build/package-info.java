/**
 * {@code reactive build}: merges a charm's layers into an output directory (staged, then swapped in), writes the
 * {@code .build.manifest}, and packs the reproducible {@code .charm} archive. Never null unless documented.
 */
package dev.charms.reactive.layers.build;
