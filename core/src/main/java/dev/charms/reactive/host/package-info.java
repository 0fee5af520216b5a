/**
 * What charmhelpers gave charm authors, as small injectable APIs over the machine: {@link
 * dev.charms.reactive.host.Services} (systemd), {@link dev.charms.reactive.host.Apt} (packages, with
 * layer-basic's retries) and {@link dev.charms.reactive.host.Files} (atomic writes with mode and owner).
 *
 * <p>Commands run through a {@link dev.charms.reactive.host.CommandRunner}, never through a shell, so tests put
 * stub commands on {@code PATH} or pass their own runner. Nothing here is null unless documented.
 */
package dev.charms.reactive.host;
