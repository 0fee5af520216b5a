package dev.charms.reactive.benchmarks;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@value #HOOKS} hooks simulated in this JVM by the model simulator ({@link Model} with its in-process driver), each
 * through the production hook runner: a hello-like charm deployed with 3 units (12 hooks), its greeting changed 12
 * times (36 config-changed), a fourth unit added (4 hooks) and 12 update-status ticks (48). The score is the time for
 * the whole scenario, a fresh model each time; {@value #HOOKS} divided by it is the hooks per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelBenchmark {
    static final int HOOKS = 100;

    /** The hello charm of the design: install, configure on every config change, start, and a status tick. */
    public static final class HelloCharm {
        @WhenNot("hello.installed")
        void install(Flags flags, Status status) {
            status.maintenance("installing");
            flags.set("hello.installed");
        }

        @When({"hello.installed", "config.changed"})
        void configure(Config config, Status status) {
            status.active("greeting is " + config.getString("greeting"));
        }

        @When("hello.installed")
        @WhenNot("hello.started")
        void start(Flags flags) {
            flags.set("hello.started");
        }

        @Hook("update-status")
        void tick(Status status, Config config) {
            status.active("greeting is " + config.getString("greeting"));
        }
    }

    private Charm charm;

    @Setup
    public void setUp() {
        charm = Charm.of(HelloCharm.class).configYaml("options: {greeting: {type: string, default: hello}}");
        int hooks = simulate().timeline().size();
        if (hooks != HOOKS) {
            throw new IllegalStateException("the scenario ran " + hooks + " hooks, not " + HOOKS);
        }
    }

    @Benchmark
    public Model simulate() {
        Model model = new Model();
        model.deploy("hello", charm, 3);
        for (int i = 0; i < 12; i++) {
            model.config("hello", "greeting", "hi " + i);
        }
        model.addUnit("hello");
        for (int i = 0; i < 12; i++) {
            model.updateStatus();
        }
        return model;
    }
}
