/**
 * {@code reactive graph}: draws a charm's flag flow (see {@code dev.charms.reactive.layers.flow}) as Graphviz DOT,
 * Mermaid, or SVG through Graphviz's {@code dot}: flags and handlers as nodes, conditions, sets, clears, reads and
 * triggers as edges. Never null unless documented.
 */
package dev.charms.reactive.layers.graph;
