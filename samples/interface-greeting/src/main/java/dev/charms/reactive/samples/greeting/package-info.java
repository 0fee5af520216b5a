/**
 * interface:greeting, a sample interface layer: {@link dev.charms.reactive.samples.greeting.GreetingProvides} (the
 * side that greets) and {@link dev.charms.reactive.samples.greeting.GreetingRequires} (the side that listens and
 * replies). Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.greeting;
