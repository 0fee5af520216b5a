/**
 * A simulated Juju model for tests: applications, units, machines, leadership, config and relations, driven by operator
 * operations that fire the hooks Juju would, each through the production hook runner. Nothing here is null unless documented.
 */
package dev.charms.reactive.testing.model;
