package dev.charms.reactive.layers.build;

import java.util.List;
import java.util.Map;

/**
 * Writes the charm's {@code dispatch} script: the one executable Juju runs for every hook and action (the hook
 * links {@code hooks/install}, {@code hooks/start} and {@code hooks/upgrade-charm} point at it for Juju before
 * 2.8). The build asks for it once per build.
 */
public interface DispatchScript {

    /** The script's text, a POSIX sh script starting with {@code #!/bin/sh}. Never null. */
    String render(Context context);

    /**
     * What a dispatch script may depend on.
     *
     * @param charmName the charm's name
     * @param libJars   the file names of the jars in {@code lib/}, in classpath order (which is also the order
     *                  handlers of different layers run in)
     * @param options   the resolved layer options (layer name to option name to value), as in layer.yaml
     */
    record Context(String charmName, List<String> libJars, Map<String, Map<String, Object>> options) {
        public Context {
            libJars = List.copyOf(libJars);
        }
    }
}
