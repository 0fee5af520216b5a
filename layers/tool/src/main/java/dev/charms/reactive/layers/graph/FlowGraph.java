package dev.charms.reactive.layers.graph;

import dev.charms.reactive.layers.flow.FlagFlow;
import dev.charms.reactive.layers.flow.FlagRef;
import dev.charms.reactive.layers.flow.FlagUse;
import dev.charms.reactive.layers.flow.HandlerFlow;
import dev.charms.reactive.layers.flow.TriggerFlow;
import dev.charms.reactive.spi.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nodes and edges of a flag-flow graph, in a stable order, for the renderers: handlers ({@code h1, h2, ...}
 * in registration order), flags ({@code f1, ...} by name) and computed names ({@code c1, ...} by pattern).
 */
final class FlowGraph {

    /** What a node stands for. */
    enum NodeKind { HANDLER, ACTION, STARTUP, FLAG, AUTOMATIC, COMPUTED }

    /** What an edge says. */
    enum EdgeKind {
        WHEN("when"), WHEN_NOT("when not"), WHEN_ANY("when any"), WHEN_NOT_ALL("when not all"), SETS("sets"),
        CLEARS("clears"), READS("reads"), TRIGGER_SETS("trigger sets"), TRIGGER_CLEARS("trigger clears");

        final String label;

        EdgeKind(String label) {
            this.label = label;
        }
    }

    /** A node: {@code label} lines are joined with newlines by the renderer. */
    record Node(String id, NodeKind kind, List<String> label) {
    }

    /** An edge; {@code note} is extra text for its label (the registering handler of a trigger), may be empty. */
    record Edge(String from, String to, EdgeKind kind, String note) {
    }

    final String title;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    private final Map<String, String> flagIds = new LinkedHashMap<>();
    private final Map<String, String> computedIds = new LinkedHashMap<>();

    private FlowGraph(String title) {
        this.title = title;
    }

    static FlowGraph of(FlagFlow flow) {
        FlowGraph graph = new FlowGraph(flow.charm());
        Set<String> flags = new TreeSet<>();
        Set<String> computed = new TreeSet<>();
        for (HandlerFlow handler : flow.handlers()) {
            handler.conditions().stream().filter(c -> c.kind().watchesFlags()).forEach(c -> flags.addAll(c.values()));
            handler.uses().forEach(u -> (u.flag().computed() ? computed : flags).add(u.flag().name()));
            for (TriggerFlow trigger : handler.triggers()) {
                List<FlagRef> all = new ArrayList<>(trigger.sets());
                all.addAll(trigger.clears());
                all.add(trigger.flag());
                all.forEach(f -> (f.computed() ? computed : flags).add(f.name()));
            }
        }
        for (String flag : flags) {
            String id = "f" + (graph.flagIds.size() + 1);
            graph.flagIds.put(flag, id);
            boolean automatic = flow.automatic().sets(flag);
            graph.nodes.add(new Node(id, automatic ? NodeKind.AUTOMATIC : NodeKind.FLAG,
                    automatic ? List.of(flag, "(automatic)") : List.of(flag)));
        }
        for (String pattern : computed) {
            String id = "c" + (graph.computedIds.size() + 1);
            graph.computedIds.put(pattern, id);
            graph.nodes.add(new Node(id, NodeKind.COMPUTED, List.of("computed at run time", pattern)));
        }
        int number = 0;
        for (HandlerFlow handler : flow.handlers()) {
            String id = "h" + ++number;
            graph.nodes.add(new Node(id, switch (handler.kind()) {
                case HANDLER -> NodeKind.HANDLER;
                case ACTION -> NodeKind.ACTION;
                case ENDPOINT_STARTUP -> NodeKind.STARTUP;
            }, label(handler)));
            graph.addEdges(id, handler);
        }
        return graph;
    }

    private static List<String> label(HandlerFlow handler) {
        List<String> lines = new ArrayList<>(List.of(handler.displayName()));
        for (Condition condition : handler.conditions()) {
            switch (condition.kind()) {
                case HOOK -> lines.add("hook " + String.join(", ", condition.values()));
                case FILE_CHANGED -> lines.add("file changed " + String.join(", ", condition.values()));
                case ONLY_ONCE -> lines.add("only once");
                case RESTRICTED_HOOK -> lines.add(String.join(", ", condition.values()));
                default -> {
                }
            }
        }
        if (handler.kind() == HandlerFlow.Kind.ACTION) {
            lines.add("action");
        } else if (handler.kind() == HandlerFlow.Kind.ENDPOINT_STARTUP) {
            lines.add("start of every hook");
        }
        return lines;
    }

    private void addEdges(String handlerId, HandlerFlow handler) {
        for (Condition condition : handler.conditions()) {
            EdgeKind kind = switch (condition.kind()) {
                case WHEN_ALL -> EdgeKind.WHEN;
                case WHEN_NONE -> EdgeKind.WHEN_NOT;
                case WHEN_ANY -> EdgeKind.WHEN_ANY;
                case WHEN_NOT_ALL -> EdgeKind.WHEN_NOT_ALL;
                default -> null;
            };
            if (kind != null) {
                condition.values().forEach(flag -> edges.add(new Edge(flagIds.get(flag), handlerId, kind, "")));
            }
        }
        Set<Edge> uses = new LinkedHashSet<>();
        for (FlagUse use : handler.uses()) {
            String flag = id(use.flag());
            uses.add(switch (use.effect()) {
                case SET -> new Edge(handlerId, flag, EdgeKind.SETS, "");
                case CLEAR -> new Edge(handlerId, flag, EdgeKind.CLEARS, "");
                case READ -> new Edge(flag, handlerId, EdgeKind.READS, "");
            });
        }
        for (TriggerFlow trigger : handler.triggers()) {
            String note = "(" + handler.displayName() + (trigger.onSet() ? ")" : ", on clear)");
            trigger.sets().forEach(f -> uses.add(new Edge(id(trigger.flag()), id(f), EdgeKind.TRIGGER_SETS, note)));
            trigger.clears().forEach(f -> uses.add(new Edge(id(trigger.flag()), id(f), EdgeKind.TRIGGER_CLEARS,
                    note)));
        }
        edges.addAll(uses);
    }

    private String id(FlagRef flag) {
        return flag.computed() ? computedIds.get(flag.name()) : flagIds.get(flag.name());
    }
}
