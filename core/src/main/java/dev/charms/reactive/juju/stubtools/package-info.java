/**
 * Test support: stub Juju hook tools (POSIX sh over files) and {@link
 * dev.charms.reactive.juju.stubtools.StubHookTools}, which installs them and reads back what a charm did.
 * Shipped in the core jar so every module's tests, the model simulator and end-to-end runs of the real
 * {@code dispatch} script can use them. Nothing here is null unless documented.
 */
package dev.charms.reactive.juju.stubtools;
