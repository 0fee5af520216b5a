/**
 * The greeter sample charm: {@link dev.charms.reactive.samples.greeter.GreeterCharm}, the providing side of
 * interface:greeting. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.greeter;
