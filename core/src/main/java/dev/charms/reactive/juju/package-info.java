/**
 * Talking to Juju: the hook environment, the {@link dev.charms.reactive.juju.JujuBackend} every hook tool call
 * goes through, and its production implementation, which runs the hook tools as processes.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.juju;
