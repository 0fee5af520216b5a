/**
 * JUnit Jupiter support: {@link dev.charms.reactive.testing.junit.CharmTest} hands test methods a harness, the charm or
 * a model simulator for the charm under test, read from its source directory. Needs junit-jupiter-api on the test
 * class path (core declares it optional). Nothing here is null unless documented.
 */
package dev.charms.reactive.testing.junit;
