package dev.charms.reactive;

import dev.charms.reactive.runtime.CharmRuntime;
import java.util.List;

/**
 * The charm's entrypoint, which the {@code dispatch} script runs for every hook and action; see
 * {@link CharmRuntime#run} for what it does and its exit codes.
 */
public final class Main {
    private Main() {
    }

    /** Runs the hook or action the environment describes, or {@code --train}, and exits with its code. */
    public static void main(String[] args) {
        System.exit(CharmRuntime.run(List.of(args), System.getenv(), System.err, Main.class.getClassLoader()));
    }
}
