/**
 * AssertJ assertions on what charms did in tests: {@link dev.charms.reactive.testing.assertions.CharmAssertions} is the
 * entry point; each failure message ends with the trace of the hooks involved. Needs assertj-core on the test class
 * path (core declares it optional). Nothing here is null unless documented.
 */
package dev.charms.reactive.testing.assertions;
