/**
 * {@code reactive lint}: checks the flag flow of a charm (see {@code dev.charms.reactive.layers.flow}) for handlers
 * that can never run, flags set but never read, pairs of handlers that flip a flag forever, and likely typos in flag
 * names; each finding names the handler and the flag. Never null unless documented.
 */
package dev.charms.reactive.layers.lint;
