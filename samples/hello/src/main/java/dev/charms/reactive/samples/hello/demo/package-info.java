/**
 * The hello charm run in memory: a simulated machine, the harness set up for the charm, and the demo that drives it
 * through a deployment. Not used when Juju runs the charm. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.hello.demo;
