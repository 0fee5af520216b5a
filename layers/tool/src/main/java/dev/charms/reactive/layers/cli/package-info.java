/**
 * The {@code reactive} command line (picocli): the top command, {@code init}, {@code build}, {@code proof},
 * {@code graph}, {@code lint}, the exit codes and the one mapper from exceptions to messages and exit codes. Never
 * null unless documented.
 */
package dev.charms.reactive.layers.cli;
