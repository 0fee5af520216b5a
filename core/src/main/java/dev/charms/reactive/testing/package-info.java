/**
 * Testing charms without Juju: the declarative {@link dev.charms.reactive.testing.Harness} (state in, one hook,
 * result out, through the production hook runner) and the recording {@link dev.charms.reactive.testing.InMemoryJujuBackend}.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.testing;
