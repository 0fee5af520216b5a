/**
 * Finding a charm's handlers: {@link dev.charms.reactive.discovery.HandlerDiscovery} loads the generated handler
 * indexes in a deterministic order (layer, class name, declaration), or scans the class path when the processor
 * was not run; {@link dev.charms.reactive.discovery.ReactiveHandlers} builds an index for one class by
 * reflection. Nothing here is null unless documented.
 */
package dev.charms.reactive.discovery;
