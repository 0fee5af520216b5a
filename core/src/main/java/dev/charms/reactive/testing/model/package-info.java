/**
 * A simulated Juju model for tests: applications, units, machines, leadership, config, relations (peer and
 * subordinate ones included), refreshes, actions and series upgrades, driven by operator operations that fire the
 * hooks Juju would, each through a {@link dev.charms.reactive.testing.model.HookDriver}: the production hook runner
 * in this JVM by default, or the built charm's real dispatch in a process
 * ({@link dev.charms.reactive.testing.model.ProcessHookDriver}). Nothing here is null unless documented.
 */
package dev.charms.reactive.testing.model;
