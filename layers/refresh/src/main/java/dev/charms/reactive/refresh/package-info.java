/**
 * The refresh layer: rolling in-place refresh of a stateful application, one unit at a time, highest unit number
 * first, with pause, resume, health gating, compatibility checks and rollback. Charms implement
 * {@link dev.charms.reactive.refresh.RefreshWorkload} and watch the flag {@code refresh.in-progress}; the handlers
 * ({@link dev.charms.reactive.refresh.RollingRefresh}) do the rest. Nothing here is null unless documented.
 */
package dev.charms.reactive.refresh;
