/**
 * Finding and reading layers: the search path (CHARM_LAYERS_DIR, CHARM_INTERFACES_DIR, jars on the charm's
 * classpath, the standard layers), a layer's files and its layer.yaml, gitignore-style rules, include order.
 * Never null unless documented.
 */
package dev.charms.reactive.layers.source;
