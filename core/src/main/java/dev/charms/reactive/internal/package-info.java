/**
 * Internal helpers shared by the framework's packages and modules (the layer tool too); not part of the API, and may change without notice.
 * Nothing here is null unless documented.
 */
package dev.charms.reactive.internal;
