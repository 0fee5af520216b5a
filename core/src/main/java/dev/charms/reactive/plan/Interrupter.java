package dev.charms.reactive.plan;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The cancellation token of a run: what a signal handler calls, and what the runner watches. The first
 * {@link #signal} asks for a safe stop (running steps finish, no new step starts); any later one asks to stop at
 * once (running steps are interrupted). Tests call {@link #signal} directly; the command line calls it from its
 * SIGINT and SIGTERM handlers.
 *
 * <p>Thread-safe: signals come from the signal-dispatch thread while the plan runs on others.
 */
public final class Interrupter {

    /** What a signal asked for. */
    public enum Request {
        /** The first signal: let running steps finish, start no more. */
        STOP_SAFELY,
        /** A later signal: interrupt running steps now. */
        STOP_NOW
    }

    private final List<BiConsumer<StopSignal, Request>> subscribers = new CopyOnWriteArrayList<>();
    private StopSignal first;
    private int count;

    /**
     * Records a signal and tells the run in progress, if any.
     *
     * @return what this signal asks for: {@link Request#STOP_SAFELY} the first time, {@link Request#STOP_NOW} after
     */
    public Request signal(StopSignal signal) {
        Request request;
        synchronized (this) {
            count++;
            if (first == null) {
                first = signal;
            }
            request = count == 1 ? Request.STOP_SAFELY : Request.STOP_NOW;
        }
        for (BiConsumer<StopSignal, Request> subscriber : subscribers) {
            subscriber.accept(signal, request);
        }
        return request;
    }

    /** The first signal received, if any: it decides the exit code. */
    public synchronized Optional<StopSignal> firstSignal() {
        return Optional.ofNullable(first);
    }

    /** True once any signal came: no new step may start. */
    public synchronized boolean stopRequested() {
        return count >= 1;
    }

    /** True once a second signal came: running steps are to be interrupted. */
    public synchronized boolean stopNowRequested() {
        return count >= 2;
    }

    /**
     * Calls {@code subscriber} with each later signal and what it asks for, on the signalling thread; the returned
     * runnable unsubscribes.
     */
    Runnable subscribe(BiConsumer<StopSignal, Request> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
