package dev.charms.reactive.layers.flow;

import java.util.List;
import java.util.Optional;

/**
 * How flags flow through one charm: every handler with its conditions and what its code does with flags, in the
 * order the runtime registers them, the automatic flags, and what the analysis noted on the way.
 *
 * @param charm     the charm's name (from metadata.yaml, else the file name)
 * @param handlers  the handlers, in layer (jar) order, then class name, then declaration order
 * @param automatic the flags the framework sets
 * @param notes     what the analysis found that lint reports as is
 * @param charmFilesKnown whether metadata.yaml and config.yaml were read (else automatic flags are patterns and
 *                  endpoint handlers keep {@code {endpoint_name}})
 */
public record FlagFlow(String charm, List<HandlerFlow> handlers, AutomaticFlags automatic, List<FlowNote> notes,
        boolean charmFilesKnown) {

    public FlagFlow {
        handlers = List.copyOf(handlers);
        notes = List.copyOf(notes);
    }

    /** The handler with this id, if any. */
    public Optional<HandlerFlow> handler(String id) {
        return handlers.stream().filter(h -> h.id().equals(id)).findFirst();
    }
}
