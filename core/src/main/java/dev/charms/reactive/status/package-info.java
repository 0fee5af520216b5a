/**
 * Workload status: the injectable {@link dev.charms.reactive.status.Status} that sets the unit's (and, on the leader,
 * the application's) status shown by {@code juju status}. Nothing here is null unless documented.
 */
package dev.charms.reactive.status;
