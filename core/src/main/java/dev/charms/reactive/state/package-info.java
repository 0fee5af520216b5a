/**
 * What a unit remembers between hooks: {@link dev.charms.reactive.state.UnitState}, the in-memory model a hook
 * works on (committed as a whole or dropped), its JSON form, and helpers over it such as
 * {@link dev.charms.reactive.state.DataChanged}. Nothing here is null unless documented.
 */
package dev.charms.reactive.state;
