/**
 * Flags, the reactive state a charm reasons about: the injectable {@link dev.charms.reactive.flags.Flags} API,
 * flag-name rules, and {@link dev.charms.reactive.flags.Trigger}s. Nothing here is null unless documented.
 */
package dev.charms.reactive.flags;
