/**
 * Testing charms without Juju: the declarative {@link dev.charms.reactive.testing.Harness} (state in, one hook,
 * result out, through the production hook runner), the recording {@link dev.charms.reactive.testing.InMemoryJujuBackend},
 * and the reflective handler builder used when no generated handler index exists. Nothing here is null unless documented.
 */
package dev.charms.reactive.testing;
