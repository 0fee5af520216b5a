/**
 * The annotation processor that checks handler methods at compile time and generates their index. Only
 * {@link dev.charms.reactive.processor.ReactiveProcessor} is public; every other type here is internal to it.
 * Nothing is null unless documented.
 */
package dev.charms.reactive.processor;
