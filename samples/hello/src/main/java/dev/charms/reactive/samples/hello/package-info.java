/**
 * The hello sample charm: {@link dev.charms.reactive.samples.hello.HelloCharm}, its handlers.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.hello;
