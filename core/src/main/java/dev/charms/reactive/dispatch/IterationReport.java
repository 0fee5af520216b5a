package dev.charms.reactive.dispatch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why the flag loop did not settle: the cap, the handlers invoked in the last iterations and the flags those
 * iterations kept changing.
 *
 * @param hook the hook being dispatched
 * @param cap the number of iterations allowed
 * @param lastIterations the handlers invoked in each of the last iterations (display names, oldest first)
 * @param changingFlags the flags set or cleared in those iterations, sorted, with how often
 * @param stillQueued the handlers that would have run in the next iteration
 */
public record IterationReport(String hook, int cap, List<List<String>> lastIterations, Map<String, Long> changingFlags,
        List<String> stillQueued) {

    public IterationReport {
        lastIterations = lastIterations.stream().map(List::copyOf).toList();
        changingFlags = Map.copyOf(changingFlags);
        stillQueued = List.copyOf(stillQueued);
    }

    /** A paragraph for the log or an exception. */
    public String message() {
        StringBuilder text = new StringBuilder("the flag loop of hook " + hook + " did not settle within " + cap
                + " iterations (the iteration cap); handlers invoked in the last " + lastIterations.size()
                + " iterations:");
        int first = cap - lastIterations.size();
        for (int i = 0; i < lastIterations.size(); i++) {
            text.append("\n  iteration ").append(first + i).append(": ").append(String.join(", ", lastIterations.get(i)));
        }
        text.append("\nflags still changing: ").append(changingFlags.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + e.getValue() + "x)")
                .collect(Collectors.joining(", ")));
        text.append("\nstill queued: ").append(String.join(", ", stillQueued));
        text.append("\nA handler that sets or clears a flag its own conditions watch, or handlers that undo each "
                + "other's flags, loop until the cap. Make the flags converge (e.g. guard with @WhenNot), or raise "
                + "the cap if the loop really needs more iterations.");
        return text.toString();
    }
}
