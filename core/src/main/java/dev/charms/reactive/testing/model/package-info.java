/**
 * A simulated Juju model for tests: applications, units, machines, leadership, config and relations, driven by operator
 * operations that fire the hooks Juju would, each through a {@link dev.charms.reactive.testing.model.HookDriver}: the
 * production hook runner in this JVM, or the built charm's real dispatch in a process
 * ({@link dev.charms.reactive.testing.model.ProcessHookDriver}). Nothing here is null unless documented.
 */
package dev.charms.reactive.testing.model;
