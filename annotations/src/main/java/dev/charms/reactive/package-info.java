/**
 * The annotations a charm puts on its handler methods: {@code @When}, {@code @WhenNot}, {@code @Hook},
 * {@code @Action} and the rest. Nothing here runs; the processor and the runtime read them.
 */
package dev.charms.reactive;
