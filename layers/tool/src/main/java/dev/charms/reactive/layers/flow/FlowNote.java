package dev.charms.reactive.layers.flow;

import dev.charms.reactive.layers.proof.Level;

/**
 * Something the analysis itself found about the charm, that lint reports as is: a handler class that is missing,
 * an endpoint class that is not bound, names computed at run time.
 *
 * @param level   how bad it is
 * @param rule    the rule's short name, e.g. {@code unbound-endpoint}
 * @param subject the handler or class at fault
 * @param flag    the flag concerned; empty when none
 * @param message what is wrong and the fix
 */
public record FlowNote(Level level, String rule, String subject, String flag, String message) {
}
