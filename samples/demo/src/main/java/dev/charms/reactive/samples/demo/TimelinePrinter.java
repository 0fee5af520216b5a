package dev.charms.reactive.samples.demo;

import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.testing.model.HookRun;
import dev.charms.reactive.testing.model.Model;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints a {@link Model}'s timeline operation by operation: a header naming the operator's command, then each hook
 * the operation caused, in order, with the handlers it ran, the flags it set (+) and cleared (-), the host commands
 * its handlers ran, and the unit's status when it changed.
 * <pre>
 * == juju deploy app-services -n 3 ==
 *   app-services/0  install                     AppServicesCharm.install, AppServicesCharm.configure, ...
 *                                               flags   +app-services.configured +app-services.installed ...
 *                                               host    systemctl enable --now app-services
 *                                               status  active "ready on port 9000 (ubuntu@22.04)"
 * </pre>
 */
final class TimelinePrinter {
    private static final String UNIT_AND_HOOK = "  %-16s%-28s";
    private static final String DETAIL = " ".repeat(46) + "%-8s%s%n";

    private final PrintStream out;
    private final Model model;
    private final IntFunction<List<String>> commandsOfHook;
    private int printed;

    /**
     * @param commandsOfHook the host commands of the hook with this timeline sequence number
     */
    TimelinePrinter(PrintStream out, Model model, IntFunction<List<String>> commandsOfHook) {
        this.out = out;
        this.model = model;
        this.commandsOfHook = commandsOfHook;
    }

    /** Prints the header, runs the operation, and prints the hooks it caused (or a note that there were none). */
    void operation(String command, Runnable operation) {
        section(command);
        operation.run();
        List<HookRun> timeline = model.timeline();
        if (printed == timeline.size()) {
            out.println("  (no hook ran)");
        }
        timeline.subList(printed, timeline.size()).forEach(this::print);
        printed = timeline.size();
    }

    /** Prints a section header. */
    void section(String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    /** Prints a line of commentary inside a section. */
    void note(String text) {
        out.println("  " + text);
    }

    private void print(HookRun run) {
        out.printf(UNIT_AND_HOOK + "%s%n", run.unit(), run.hook(),
                run.invoked().isEmpty() ? "-" : String.join(", ", run.invoked()));
        List<String> flags = new ArrayList<>();
        run.flagsSet().forEach(flag -> flags.add("+" + flag));
        run.flagsCleared().forEach(flag -> flags.add("-" + flag));
        if (!flags.isEmpty()) {
            out.printf(DETAIL, "flags", String.join(" ", flags));
        }
        commandsOfHook.apply(run.sequence()).forEach(command -> out.printf(DETAIL, "host", command));
        if (run.statusChanged()) {
            out.printf(DETAIL, "status", describe(run.status()));
        }
    }

    /** A status as {@code juju status} shows it: {@code active "ready"}. */
    static String describe(StatusValue status) {
        return status.message().isEmpty() ? status.state() : status.state() + " \"" + status.message() + "\"";
    }
}
