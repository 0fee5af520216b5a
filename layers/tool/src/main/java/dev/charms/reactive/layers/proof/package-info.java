/**
 * {@code reactive proof}: checks a built charm directory against the rules Juju applies when it reads a charm
 * (and a few from charm-tools' proof), reporting each finding with its level, file and key. Never null unless
 * documented.
 */
package dev.charms.reactive.layers.proof;
