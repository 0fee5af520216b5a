/**
 * The entrypoint's work: one hook or action from the process environment to the committed state and exit code
 * ({@link dev.charms.reactive.runtime.CharmRuntime}), and the charm files it reads. Nothing here is null unless documented.
 */
package dev.charms.reactive.runtime;
