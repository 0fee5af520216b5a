package dev.charms.reactive.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFlagsTest {
    private static final String CONFIG_YAML = """
            options:
              port: {type: int, default: 80}
              name: {type: string}
              debug: {type: boolean, default: false}
            """;

    static class Recorder {
        static final List<String> seen = new ArrayList<>();

        @Hook({"install", "config-changed", "update-status"})
        void record(Flags flags, Config config) {
            seen.clear();
            seen.addAll(flags.setFlags());
            seen.add("changed(port)=" + config.changed("port"));
            seen.add("previous(port)=" + config.previous("port").orElse("none"));
        }

        @When("config.changed.port")
        void portChanged() {
        }
    }

    private final Harness harness = Harness.of(Recorder.class).configYaml(CONFIG_YAML);

    @Test
    void inTheFirstHookEveryOptionHasChangedAndTheFlagsDescribeTheValues() {
        Result result = harness.hook("install").run();
        assertThat(Recorder.seen).containsExactly("config.changed", "config.changed.debug", "config.changed.name",
                "config.changed.port", "config.default.debug", "config.default.name", "config.default.port",
                "config.set.port", "changed(port)=true", "previous(port)=none");
        assertThat(result.invoked()).containsExactly("Recorder.record", "Recorder.portChanged");
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void laterHooksReportOnlyTheOptionsThatChanged() {
        Result install = harness.hook("install").run();
        Result same = harness.state(install.state()).hook("update-status").run();
        assertThat(Recorder.seen).containsExactly("config.default.debug", "config.default.name",
                "config.default.port", "config.set.port", "changed(port)=false", "previous(port)=80");
        assertThat(same.invoked()).containsExactly("Recorder.record");

        harness.state(same.state()).config("name", "web").config("port", 8080).hook("config-changed").run();
        assertThat(Recorder.seen).containsExactly("config.changed", "config.changed.name", "config.changed.port",
                "config.default.debug", "config.set.name", "config.set.port", "changed(port)=true",
                "previous(port)=80");
    }

    @Test
    void aFailedHookDoesNotSaveTheConfigSoTheChangeIsReportedAgain() {
        Result install = harness.hook("install").run();
        Harness changed = Harness.of(Recorder.class, Failing.class).configYaml(CONFIG_YAML).config("port", 81)
                .state(install.state()).hook("config-changed");
        changed.flags("fail").runExpectingFailure();
        changed.run();
        assertThat(Recorder.seen).contains("config.changed.port", "changed(port)=true");
    }

    static class Failing {
        @When("fail")
        void fail() {
            throw new IllegalStateException("fails after the config flags were set");
        }
    }

    @Test
    void triggersRegisteredBeforeTheHookFireForConfigFlags() {
        Result result = harness.trigger(Trigger.builder().when("config.changed.port").setFlag("port.pending").build())
                .hook("install").run();
        assertThat(result.flags()).containsExactly("port.pending");
    }
}
