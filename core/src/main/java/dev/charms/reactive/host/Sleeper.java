package dev.charms.reactive.host;

import java.time.Duration;

/** Waits between retries. Tests pass one that returns at once (and records the delays it was asked for). */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps; an interrupt ends the sleep early and keeps the thread's interrupt flag set. */
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    /** Waits for {@code duration}. */
    void sleep(Duration duration);
}
