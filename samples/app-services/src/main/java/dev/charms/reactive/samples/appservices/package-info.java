/**
 * The app-services sample charm: {@link dev.charms.reactive.samples.appservices.AppServicesCharm}, a service that
 * sits out OS series upgrades. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.appservices;
