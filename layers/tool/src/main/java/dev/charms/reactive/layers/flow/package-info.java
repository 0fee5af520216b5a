/**
 * Flag flow: reads a charm's handler indexes and handler bytecode (Javassist) to learn, without running it, which
 * flags each handler waits for, sets, clears and reads, which triggers it registers, and which flags the framework
 * sets by itself. {@code reactive graph} draws it and {@code reactive lint} checks it. Never null unless documented.
 */
package dev.charms.reactive.layers.flow;
