/**
 * The main job: {@link dev.charms.reactive.samples.demo.DeploymentDemo}, a simulated deployment of the sample charms
 * printed hook by hook. Not part of any charm. Nothing here is null unless documented.
 */
package dev.charms.reactive.samples.demo;
