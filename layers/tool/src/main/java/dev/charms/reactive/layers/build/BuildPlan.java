package dev.charms.reactive.layers.build;

import java.util.Map;
import java.util.SortedMap;

/**
 * Everything a build writes, decided before anything is written.
 *
 * @param charmName the charm's name, from the merged metadata.yaml
 * @param files     relative path to file, sorted by path
 * @param options   the resolved layer options
 */
record BuildPlan(String charmName, SortedMap<String, PlannedFile> files, Map<String, Map<String, Object>> options) {
}
