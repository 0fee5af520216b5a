package dev.charms.reactive.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.charms.reactive.dispatch.HookOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks measure what they say: the whole chain runs and nothing else, OneHook commits its hook, and the model
 * scenario runs its hundred hooks.
 */
class BenchmarksTest {

    @Test
    void theDispatchRunsTheWholeChainAndNoIdleHandler() {
        DispatchBenchmark benchmark = new DispatchBenchmark();
        benchmark.idle = 100;
        benchmark.setUp();

        HookOutcome outcome = benchmark.dispatch();

        assertThat(outcome.invoked()).containsExactlyElementsOf(
                IntStream.range(0, DispatchBenchmark.CHAIN).mapToObj(i -> "Charm.link" + i).toList());
        assertThat(outcome.state().getAsJsonObject("flags").keySet()).hasSize(DispatchBenchmark.CHAIN + 1);
        assertThat(benchmark.buildAndDispatch().invoked()).isEqualTo(outcome.invoked());
    }

    @Test
    void theModelScenarioRunsAHundredHooksOnFourUnits() {
        ModelBenchmark benchmark = new ModelBenchmark();
        benchmark.setUp();

        var model = benchmark.simulate();

        assertThat(model.timeline()).hasSize(ModelBenchmark.HOOKS);
        assertThat(model.units()).hasSize(4).allSatisfy(unit -> {
            assertThat(unit.flags()).contains("hello.installed", "hello.started");
            assertThat(unit.hookNames()).last().isEqualTo("update-status");
            assertThat(unit.status().message()).isEqualTo("greeting is hi 11");
        });
    }

    @Test
    void oneHookCommitsTheInstallHookAndRunsAgainFromWhatItCommitted(@TempDir Path dir) throws IOException {
        OneHook.main(new String[] {dir.toString()});
        JsonObject first = JsonParser.parseString(Files.readString(dir.resolve("state.json"))).getAsJsonObject();
        assertThat(first.getAsJsonObject("flags").keySet())
                .contains("hello.installed", "hello.configured", "hello.started");

        OneHook.main(new String[] {dir.toString(), "--rss"});
        JsonObject second = JsonParser.parseString(Files.readString(dir.resolve("state.json"))).getAsJsonObject();
        assertThat(second.getAsJsonObject("flags")).isEqualTo(first.getAsJsonObject("flags"));
    }
}
