package dev.charms.reactive.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides which flag handlers are tested in an iteration of the flag loop, as charms.reactive's
 * {@code FlagWatch} does: in iteration 0 every handler, afterwards only those watching a flag that changed (was
 * set or cleared) in the previous iteration.
 *
 * <p>Changes made during an iteration are pending until {@link #commit()}, which makes them the changes the next
 * iteration sees. A flag set and cleared again is recorded twice. Not thread-safe.
 */
public final class FlagWatch {
    private int iteration;
    private List<String> changes = new ArrayList<>();
    private List<String> pending = new ArrayList<>();

    /** Back to iteration 0 with no changes. */
    public void reset() {
        iteration = 0;
        changes = new ArrayList<>();
        pending = new ArrayList<>();
    }

    /** Enters iteration {@code i}. */
    public void iteration(int i) {
        iteration = i;
    }

    /** Records a flag that was set or cleared. */
    public void change(String flag) {
        pending.add(flag);
    }

    /** The pending changes become the changes; nothing is pending. */
    public void commit() {
        changes = pending;
        pending = new ArrayList<>();
    }

    /** True in iteration 0, or when one of {@code flags} is among the changes. */
    public boolean watch(Collection<String> flags) {
        return iteration == 0 || flags.stream().anyMatch(changes::contains);
    }

    /** The current iteration. */
    public int iteration() {
        return iteration;
    }

    /** The changes of the previous iteration, in order; a copy. */
    public List<String> changes() {
        return List.copyOf(changes);
    }

    /** The changes of the current iteration so far, in order; a copy. */
    public List<String> pending() {
        return List.copyOf(pending);
    }
}
