/**
 * Talking to Juju: the hook environment ({@link dev.charms.reactive.juju.HookEnvironment} and its value types),
 * the {@link dev.charms.reactive.juju.JujuBackend} every hook tool call goes through, and its production
 * implementation {@link dev.charms.reactive.juju.ProcessJujuBackend}, which runs the hook tools as processes.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.juju;
