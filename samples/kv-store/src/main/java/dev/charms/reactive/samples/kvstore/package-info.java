/**
 * The kv-store sample charm: a small replicated key-value store refreshed in place, one unit at a time, by the refresh
 * layer. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.kvstore;
