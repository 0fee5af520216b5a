/**
 * A unit's state between hooks: {@code UnitState}, the in-memory model one hook reads and changes as a single
 * transaction, and {@link dev.charms.reactive.state.StateFile}, the JSON file it is committed to, atomically
 * and durably, only when the hook succeeds. Nothing here is null unless documented.
 */
package dev.charms.reactive.state;
