/**
 * The Maven plugin: {@code reactive:build} runs the layer build inside a charm's own Maven build, on the charm's
 * jar and its runtime dependencies. Never null unless documented.
 */
package dev.charms.reactive.layers.maven;
