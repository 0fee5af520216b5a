/**
 * Upgrade plans: a tree of {@link dev.charms.reactive.plan.Step}s a person reads and approves, run by a
 * {@link dev.charms.reactive.plan.PlanRunner} that stops only between steps, once or at once on a second
 * {@link dev.charms.reactive.plan.Interrupter interrupt}, and logs everything to an {@link
 * dev.charms.reactive.plan.ExecutionLog}.
 *
 * <p>There is no state file: a plan is built from what the model looks like now, leaving out the steps whose goal
 * already holds, so running it again after an interruption resumes where it stopped. Nothing here is null unless
 * documented.
 */
package dev.charms.reactive.plan;
