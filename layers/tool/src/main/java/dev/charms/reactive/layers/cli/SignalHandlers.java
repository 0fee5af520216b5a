package dev.charms.reactive.layers.cli;

import dev.charms.reactive.plan.Interrupter;
import dev.charms.reactive.plan.StopSignal;
import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM handlers that hand each signal to an {@link Interrupter} instead of ending the JVM, for as
 * long as a plan runs. A shutdown hook cannot do this: it cannot tell the signals apart, cannot keep the JVM
 * alive for a safe stop, and never hears a second signal. {@code sun.misc.Signal} (module jdk.unsupported) is
 * the JDK's only way; it works on every HotSpot on Linux and macOS. A signal the JVM was started with ignored
 * (as {@code nohup} does) stays ignored, and one the JVM reserves (under {@code -Xrs}) keeps its default.
 */
final class SignalHandlers {

    private SignalHandlers() {
    }

    /**
     * Sends SIGINT and SIGTERM to {@code interrupter} until the returned handle is closed, which puts the previous
     * handlers back.
     */
    static AutoCloseable install(Interrupter interrupter) {
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (StopSignal stop : StopSignal.values()) {
            Signal signal = new Signal(stop.name().substring("SIG".length()));
            try {
                previous.put(signal, Signal.handle(signal, received -> interrupter.signal(stop)));
            } catch (IllegalArgumentException reservedByTheJvm) {
                // -Xrs or a platform without this signal: it keeps its default action.
            }
        }
        return () -> previous.forEach(Signal::handle);
    }
}
