/**
 * The layer tool: starts charm projects ({@code init}), assembles a charm from layers ({@code build}), checks it
 * against Juju's rules ({@code proof}), draws and checks its flag flow ({@code graph}, {@code lint}), and holds what
 * every part of the tool shares: the error type for people and the relative-path guard.
 * Nothing here returns or accepts null unless its Javadoc says so.
 */
package dev.charms.reactive.layers;
