/**
 * The listener sample charm: {@link dev.charms.reactive.samples.listener.ListenerCharm}, the requiring side of
 * interface:greeting. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.listener;
