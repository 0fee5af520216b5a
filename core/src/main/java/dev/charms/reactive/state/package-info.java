/**
 * What a unit remembers between hooks: {@link dev.charms.reactive.state.UnitState}, the in-memory model one hook
 * works on as a single transaction, {@link dev.charms.reactive.state.StateFile}, the JSON file it is committed
 * to atomically and durably only when the hook succeeds, and helpers such as
 * {@link dev.charms.reactive.state.DataChanged}. Nothing here is null unless documented.
 */
package dev.charms.reactive.state;
