/**
 * Endpoints: the {@link dev.charms.reactive.endpoints.Endpoint} base class interface layers extend, its relations,
 * units and relation data views, the automatic {@code endpoint.<name>.*} flags, and {@link
 * dev.charms.reactive.endpoints.EndpointSupport}, which wires them into a hook runner.
 * Nothing here is null unless documented; missing relation data reads as null, as in a {@link java.util.Map}.
 */
package dev.charms.reactive.endpoints;
