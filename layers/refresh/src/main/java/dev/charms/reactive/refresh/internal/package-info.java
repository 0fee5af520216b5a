/**
 * Internal: the refresh layer's logic as plain values, independent of Juju (versions, compatibility, refresh order,
 * the state machine, the exact texts of statuses and action results). Not API; the handlers in
 * {@code dev.charms.reactive.refresh} are its only users. Nothing here is null unless documented.
 */
package dev.charms.reactive.refresh.internal;
