/**
 * {@code reactive upgrade}: checks a model, builds the upgrade plan from what the model looks like now (so running
 * it again resumes), and gives each step its action over {@link dev.charms.reactive.layers.juju.JujuCli}: backups,
 * refreshes that follow the refresh layer's statuses and run {@code resume-refresh} when they pause, waits for idle,
 * workload version checks, and machine series upgrades. Never null unless documented.
 */
package dev.charms.reactive.layers.upgrade;
