/**
 * Internal helpers shared by the runtime's packages; not part of the API, and may change without notice.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.internal;
