package dev.charms.reactive.layers.cli;

import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.ProcessCommandRunner;
import dev.charms.reactive.host.Sleeper;
import dev.charms.reactive.layers.juju.NewSessionCommandRunner;
import dev.charms.reactive.plan.Interrupter;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What {@code reactive upgrade} takes from the machine it runs on; tests pass their own.
 *
 * @param stdin where the operator's answers come from
 * @param commands runs {@code juju}
 * @param sleeper waits between two looks at the model
 * @param clock names the log file, stamps its lines and measures timeouts
 * @param signals routes SIGINT and SIGTERM to the run's interrupter while the plan runs
 */
public record UpgradeHost(InputStream stdin, CommandRunner commands, Sleeper sleeper, Clock clock, Signals signals) {

    /** Routes stop signals to an interrupter. */
    @FunctionalInterface
    public interface Signals {
        /** Sends stop signals to {@code interrupter} until the returned handle is closed. */
        AutoCloseable install(Interrupter interrupter);
    }

    /** Checks the parts. */
    public UpgradeHost {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(signals, "signals");
    }

    /**
     * The real machine: standard input, {@code juju} run in a session of its own (see {@link
     * NewSessionCommandRunner}) with this process's environment, real sleeps and time, and real signal handlers.
     */
    public static UpgradeHost system() {
        return new UpgradeHost(System.in, NewSessionCommandRunner.wrapIfPossible(ProcessCommandRunner.system()),
                Sleeper.SYSTEM, Clock.systemDefaultZone(), SignalHandlers::install);
    }
}
