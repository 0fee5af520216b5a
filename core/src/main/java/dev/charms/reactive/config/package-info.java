/**
 * The charm's configuration: the injectable {@link dev.charms.reactive.config.Config}, the option declarations of
 * {@code config.yaml} and their loader, and the automatic {@code config.*} flags.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.config;
