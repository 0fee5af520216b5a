package dev.charms.reactive.layers.upgrade;

import java.util.List;
import java.util.Map;

/**
 * What the operator asked for.
 *
 * @param targets the applications to refresh, in the order to refresh them; never null
 * @param seriesUpgrades the machines whose base to upgrade, in that order, after the refreshes; never null
 * @param expectedVersions per application, the workload version it must report once refreshed; an application
 *     not named here must report one version on all its units; never null
 * @param backup whether to run {@code create-backup} on applications that offer it, before refreshing them
 */
public record UpgradeRequest(List<Target> targets, List<SeriesTarget> seriesUpgrades,
        Map<String, String> expectedVersions, boolean backup) {

    /** Copies the parts. */
    public UpgradeRequest {
        targets = List.copyOf(targets);
        seriesUpgrades = List.copyOf(seriesUpgrades);
        expectedVersions = Map.copyOf(expectedVersions);
    }
}
