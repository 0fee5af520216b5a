package dev.charms.reactive.testing.model;

import dev.charms.reactive.juju.StatusValue;
import java.util.List;
import java.util.Objects;

/**
 * One hook the model ran on one unit, and what it did.
 *
 * @param sequence the position of the hook in the model's timeline, from 1
 * @param unit the unit's name, e.g. {@code hello/0}
 * @param hook the hook's name, e.g. {@code config-changed}
 * @param invoked the display names of the handlers invoked, in order, with repeats
 * @param flagsSet the flags set after the hook and not before, sorted; flags the runtime clears at the end of every
 *     hook ({@code config.changed}...) never show
 * @param flagsCleared the flags set before the hook and not after, sorted
 * @param status the unit's status after the hook
 * @param statusChanged whether the hook left the unit in another status than it found
 */
public record HookRun(int sequence, String unit, String hook, List<String> invoked, List<String> flagsSet,
        List<String> flagsCleared, StatusValue status, boolean statusChanged) {
    public HookRun {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(hook, "hook");
        invoked = List.copyOf(invoked);
        flagsSet = List.copyOf(flagsSet);
        flagsCleared = List.copyOf(flagsCleared);
        Objects.requireNonNull(status, "status");
    }

    /**
     * One line of the timeline: sequence, unit, hook, handlers, flags set and cleared, and the status when the hook
     * changed it, e.g.
     * {@code 1 hello/0 install: HelloCharm.install, HelloCharm.start; +hello.installed; status active "ready"}.
     */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder().append(sequence).append(' ').append(unit).append(' ').append(hook)
                .append(": ").append(invoked.isEmpty() ? "no handler" : String.join(", ", invoked));
        flagsSet.forEach(f -> line.append("; +").append(f));
        flagsCleared.forEach(f -> line.append("; -").append(f));
        if (statusChanged) {
            line.append("; status ").append(status.state()).append(" \"").append(status.message()).append('"');
        }
        return line.toString();
    }
}
