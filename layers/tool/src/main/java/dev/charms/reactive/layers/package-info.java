/**
 * The layer tool: assembles a charm from layers ({@code build}), checks it against Juju's rules ({@code proof}),
 * and holds what every part of the tool shares: the error type for people and the relative-path guard.
 * Nothing here returns or accepts null unless its Javadoc says so.
 */
package dev.charms.reactive.layers;
