package dev.charms.reactive.runtime;

import dev.charms.reactive.Action;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.juju.HookEnvironment;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.discovery.ReactiveHandlers;
import java.util.List;

/**
 * The charm {@link CharmRuntimeTest} runs: install, configure, start, a failing handler, one whose state cannot be
 * written, and an action.
 */
public class RuntimeCharm {

    @WhenNot("app.installed")
    void install(Flags flags, Status status, HookEnvironment hook) {
        status.maintenance("installing on " + hook.unit());
        flags.set("app.installed");
    }

    @When({"app.installed", "config.changed"})
    void configure(Services services, Files files, Config config, Flags flags) {
        files.write("/etc/app/app.conf", "name=" + config.getString("name") + "\n", 0644);
        services.restart("app");
        flags.set("app.configured");
    }

    @When("config.set.fail")
    void fail(Leadership leadership) {
        leadership.set("token", "t");
        throw new IllegalStateException("configured to fail");
    }

    @When("config.set.unwritable")
    void unwritable(Leadership leadership, Flags flags) {
        leadership.set("token", "t");
        flags.set("app.note", "\uD800 is half a character, which the state file cannot hold");
    }

    @When("app.installed")
    @WhenNot("app.started")
    void start(Flags flags, Status status) {
        status.active("ready");
        flags.set("app.started");
    }

    @Action("backup")
    void backup(ActionContext action, Flags flags) {
        action.set("target", action.getString("target"));
        flags.set("app.backed-up");
    }

    @When("app.backed-up")
    void afterBackup(Flags flags, Status status) {
        flags.clear("app.backed-up");
        status.active("backed up");
    }

    /** The handler index the processor would generate, listed in the test's services file. */
    public static final class Index implements HandlerIndex {
        private final HandlerIndex reflective = ReactiveHandlers.of(RuntimeCharm.class);

        @Override
        public Class<?> handlerClass() {
            return RuntimeCharm.class;
        }

        @Override
        public Object newInstance() {
            return new RuntimeCharm();
        }

        @Override
        public List<HandlerDefinition> handlers() {
            return reflective.handlers();
        }
    }
}
