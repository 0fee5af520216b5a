/**
 * Logging for handlers and the runtime: the injectable {@link dev.charms.reactive.log.Log} and the
 * {@link dev.charms.reactive.log.LogSink} it writes to ({@code juju-log} in production, the result in tests).
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.log;
