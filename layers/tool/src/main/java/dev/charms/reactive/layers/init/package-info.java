/**
 * {@code reactive init}: writes a new charm project (Maven, the reactive plugin, one handler class, a harness test,
 * metadata.yaml, config.yaml and layer.yaml on layer:basic) that {@code mvn verify} builds and tests green.
 * Never null unless documented.
 */
package dev.charms.reactive.layers.init;
