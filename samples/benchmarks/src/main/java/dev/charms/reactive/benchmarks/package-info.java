/**
 * Benchmarks of the runtime: the JMH {@link dev.charms.reactive.benchmarks.DispatchBenchmark} and the
 * whole-process {@link dev.charms.reactive.benchmarks.OneHook}. Nothing here is null unless documented.
 */
package dev.charms.reactive.benchmarks;
