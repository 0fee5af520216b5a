package dev.charms.reactive.benchmarks;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One hook through the production {@link HookRunner} with the in-memory backend: a chain of {@value #CHAIN}
 * handlers (handler {@code i} waits for {@code flag.i} and sets {@code flag.i+1}), started by {@code flag.0}, plus
 * {@link #idle} handlers that never run (each waits for a flag nobody sets). The chain takes one flag-loop
 * iteration per link, so a dispatcher that re-tested every handler in every iteration would pay
 * {@code (CHAIN + idle) × CHAIN} tests; ours pays every handler in the hooks phase and iteration 0, then only
 * the handlers watching a changed flag.
 *
 * <p>{@link #dispatch} is what a hook pays once the runner exists; {@link #buildAndDispatch} adds building the
 * runner (binding handlers, expanding hook patterns), which a hook process also pays once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DispatchBenchmark {
    static final int CHAIN = 100;

    /** The handlers that never run. */
    @Param({"100", "1000", "10000"})
    public int idle;

    private HandlerSet handlers;
    private HookRunner runner;
    private JsonObject state;

    /** The class the handlers are declared on; the definitions need one, the invokers ignore it. */
    public static final class Charm {
    }

    @Setup
    public void setUp() {
        handlers = handlers(CHAIN, idle);
        runner = runner(handlers);
        state = UnitState.empty().toJson();
        JsonObject flags = new JsonObject();
        flags.add("flag.0", JsonNull.INSTANCE);
        state.add("flags", flags);
        HookOutcome outcome = dispatch();
        if (outcome.invoked().size() != CHAIN || outcome.iterationReport().isPresent()
                || !outcome.state().getAsJsonObject("flags").has("flag." + CHAIN)) {
            throw new IllegalStateException("the benchmark does not measure the chain: invoked "
                    + outcome.invoked().size() + " handlers, iteration report " + outcome.iterationReport());
        }
    }

    @Benchmark
    public HookOutcome dispatch() {
        return runner.run(new InMemoryJujuBackend(), "update-status", state);
    }

    @Benchmark
    public HookOutcome buildAndDispatch() {
        return runner(handlers).run(new InMemoryJujuBackend(), "update-status", state);
    }

    /** The chain, then the idle handlers, in that order. */
    static HandlerSet handlers(int chain, int idle) {
        List<HandlerDefinition> definitions = new ArrayList<>(chain + idle);
        for (int i = 0; i < chain; i++) {
            String next = "flag." + (i + 1);
            definitions.add(HandlerDefinition.builder(Charm.class, "link" + i)
                    .whenAll("flag." + i)
                    .parameters(Flags.class)
                    .invoker((target, args) -> ((Flags) args[0]).set(next))
                    .build());
        }
        for (int i = 0; i < idle; i++) {
            definitions.add(HandlerDefinition.builder(Charm.class, "idle" + i)
                    .whenAll("never." + i)
                    .invoker((target, args) -> {
                        throw new IllegalStateException("an idle handler ran");
                    })
                    .build());
        }
        return HandlerSet.ofDefinitions(definitions, type -> new Charm());
    }

    /** The production runner with its defaults (tracing on); the cap leaves room for the chain. */
    private static HookRunner runner(HandlerSet handlers) {
        return HookRunner.builder(handlers).iterationCap(2 * CHAIN).serviceLoader(null).build();
    }
}
