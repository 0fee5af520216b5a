/**
 * The Juju command line as the upgrade orchestrator uses it: {@link dev.charms.reactive.layers.juju.JujuCli} (what
 * it asks), {@link dev.charms.reactive.layers.juju.ProcessJujuCli} (runs {@code juju} without a shell) and the
 * parsed {@code juju status --format=json} ({@link dev.charms.reactive.layers.juju.ModelStatus}). Never null unless
 * documented.
 */
package dev.charms.reactive.layers.juju;
