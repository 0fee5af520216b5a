/**
 * Testing charms without Juju: the declarative {@link dev.charms.reactive.testing.Harness} (state in, one hook,
 * result out, through the production hook runner), the recording {@link dev.charms.reactive.testing.InMemoryJujuBackend},
 * and {@link dev.charms.reactive.testing.SimulatedHost}, a machine for handlers that run commands and write files.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.testing;
