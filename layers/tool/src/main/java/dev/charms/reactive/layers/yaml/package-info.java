/**
 * YAML for the layer tool: reading a file into plain maps and lists with errors that name file, line and column;
 * charm-tools' deep merge; key-path deletes; stable block-style output. Never null unless documented.
 */
package dev.charms.reactive.layers.yaml;
