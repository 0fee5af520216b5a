package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charms.reactive.When;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.spi.HookExtension;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookExtensionTest {
    private final List<String> events = new ArrayList<>();

    private HookExtension recording(String name) {
        return new HookExtension() {
            @Override
            public void atStart(HookContext hook) {
                events.add(name + ".atStart");
                hook.flags().set(name + ".started");
            }

            @Override
            public void atExit(HookContext hook) {
                events.add(name + ".atExit");
            }

            @Override
            public void publish(HookContext hook) {
                events.add(name + ".publish");
            }
        };
    }

    static class Charm {
        @When("first.started")
        void run(Flags flags) {
            if (flags.isSet("fail")) {
                throw new IllegalStateException("fail");
            }
        }
    }

    @Test
    void extensionsStartInOrderExitInReverseAndPublishLast() {
        Result result = Harness.of(Charm.class).extension(recording("first")).extension(recording("second"))
                .hook("update-status").run();
        assertThat(result.invoked()).containsExactly("Charm.run");
        assertThat(events).containsExactly("first.atStart", "second.atStart", "second.atExit", "first.atExit",
                "first.publish", "second.publish");
    }

    @Test
    void aFailedHookNeitherExitsNorPublishes() {
        Harness.of(Charm.class).extension(recording("first")).flags("fail").hook("update-status").runExpectingFailure();
        assertThat(events).containsExactly("first.atStart");
    }

    @Test
    void restrictedHooksSkipExtensions() {
        Harness.of(Charm.class).extension(recording("first")).hook("collect-metrics").run();
        assertThat(events).isEmpty();
    }
}
