/**
 * The reactive dispatcher and the hook runner: which handlers run, in what order, and how one whole hook (automatic
 * flags, dispatch, exit steps, commit) is carried out in-process. Knows nothing of processes or files except
 * through {@link dev.charms.reactive.juju.JujuBackend} and {@link dev.charms.reactive.dispatch.FileDigests}.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.dispatch;
