/**
 * Leadership: the injectable {@link dev.charms.reactive.leadership.Leadership} (is this unit the leader, the
 * application's leader settings) and the automatic {@code leadership.*} flags. Nothing here is null unless documented.
 */
package dev.charms.reactive.leadership;
