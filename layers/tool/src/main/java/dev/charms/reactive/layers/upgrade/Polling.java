package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.host.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the orchestrator waits for Juju: it looks, and if what it waits for has not happened, sleeps
 * {@link #interval()} and looks again, for at most {@link #timeout()}.
 *
 * @param interval between two looks; zero in tests
 * @param timeout how long one wait may last
 * @param sleeper sleeps between looks; an interrupt ends the sleep and the wait
 * @param clock measures the timeout
 */
public record Polling(Duration interval, Duration timeout, Sleeper sleeper, Clock clock) {

    /** One look: empty when the wait is over, else what it is still waiting for, for people. */
    @FunctionalInterface
    public interface Probe {
        /** Looks once. */
        Optional<String> stillWaitingFor() throws Exception;
    }

    /** Checks the parts. */
    public Polling {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Looks until {@code probe} says the wait is over.
     *
     * @param progress told what the wait is for each time that changes
     * @return empty when the wait ended; what it was still waiting for when the timeout came
     * @throws InterruptedException when interrupted (the second Ctrl+C)
     * @throws Exception what {@code probe} threw
     */
    public Optional<String> await(Probe probe, Consumer<String> progress) throws Exception {
        Instant deadline = clock.instant().plus(timeout);
        String shown = null;
        while (true) {
            Optional<String> waiting = probe.stillWaitingFor();
            if (waiting.isEmpty()) {
                return waiting;
            }
            if (!clock.instant().isBefore(deadline)) {
                return waiting;
            }
            if (!waiting.get().equals(shown)) {
                shown = waiting.get();
                progress.accept("waiting for " + shown);
            }
            sleeper.sleep(interval);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + shown);
            }
        }
    }

    /** The timeout as people say it: {@code 30 min} or {@code 45 s}. */
    public String describeTimeout() {
        return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
    }
}
