/**
 * The contract between generated handler code and the runtime: {@link dev.charms.reactive.spi.HandlerIndex}
 * (one per handler class, found with {@link java.util.ServiceLoader}) and the handler definitions it lists.
 * Charm authors never write these by hand; the annotation processor does.
 */
package dev.charms.reactive.spi;
