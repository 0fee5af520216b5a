package dev.charms.reactive.layers.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built charm of many handlers for the graph and lint benchmark (bench/flow-bench.sh): {@code classes} handler
 * classes of {@code perClass} handlers each, compiled with the real processor. Handler {@code i} waits for
 * {@code bench.step.<i>}, sets {@code bench.step.<i+1>} and {@code bench.done.<i>}, reads {@code bench.done.<i-1>}
 * and clears its own step under a condition; the first waits for {@code config.changed}. Every fifth registers a
 * trigger that clears its step when its done flag is set. It lints clean.
 */
public final class GeneratedCharm {

    private GeneratedCharm() {
    }

    /** {@code java ... GeneratedCharm DIR [CLASSES [PER_CLASS]]}: writes the charm into DIR (default 50 × 20). */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int classes = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int perClass = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Map<String, String> sources = new LinkedHashMap<>();
        int total = classes * perClass;
        for (int c = 0; c < classes; c++) {
            StringBuilder body = new StringBuilder();
            for (int h = 0; h < perClass; h++) {
                int i = c * perClass + h;
                String when = i == 0 ? "config.changed" : "bench.step." + i;
                body.append("    @When(\"").append(when).append("\")\n")
                        .append("    @WhenNot(\"bench.done.").append(i).append("\")\n")
                        .append("    void handler").append(i).append("(Flags flags, Config config) {\n");
                if (i + 1 < total) {
                    body.append("        flags.set(\"bench.step.").append(i + 1).append("\");\n");
                }
                body.append("        flags.set(\"bench.done.").append(i).append("\");\n");
                if (i > 0) {
                    body.append("        if (flags.isSet(\"bench.done.").append(i - 1)
                            .append("\") && config.getString(\"mode\").isEmpty()) {\n")
                            .append("            flags.clear(\"bench.step.").append(i).append("\");\n")
                            .append("        }\n");
                }
                if (i % 5 == 0 && i > 0) {
                    body.append("        flags.registerTrigger(Trigger.builder().when(\"bench.done.").append(i)
                            .append("\").clearFlag(\"bench.step.").append(i).append("\").build());\n");
                }
                body.append("    }\n\n");
            }
            String name = "Handlers" + c;
            sources.put("bench." + name, "package bench;\n\n"
                    + "import dev.charms.reactive.When;\n"
                    + "import dev.charms.reactive.WhenNot;\n"
                    + "import dev.charms.reactive.config.Config;\n"
                    + "import dev.charms.reactive.flags.Flags;\n"
                    + "import dev.charms.reactive.flags.Trigger;\n\n"
                    + "public class " + name + " {\n" + body + "}\n");
        }
        TestCharms.charm(dir, "name: bench\nsummary: Bench\ndescription: " + total + " handlers.\n",
                "options:\n  mode:\n    type: string\n    default: ''\n    description: Mode\n", sources);
        System.out.println(dir + ": " + total + " handlers in " + classes + " classes");
    }
}
