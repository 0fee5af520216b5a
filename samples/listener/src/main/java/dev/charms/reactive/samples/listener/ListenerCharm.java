package dev.charms.reactive.samples.listener;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.samples.greeting.Greeting;
import dev.charms.reactive.samples.greeting.GreetingRequires;
import dev.charms.reactive.status.Status;
import java.util.List;

/**
 * The listener charm: over interface:greeting ({@link GreetingRequires}, relation {@code greeting}) it shows the
 * greeting it hears in its status and replies with its configured reply. Blocked until it is related to a greeter.
 *
 * <p>Flags it sets: {@code listener.heard} (it heard a greeting and replied). It reacts to {@code greeting.updated},
 * which interface:greeting sets when a greeter joined, published or left; the charm clears it.
 */
public class ListenerCharm {
    /** The unit's status while no greeter is related. */
    public static final String NO_GREETER = "waiting for a greeter: juju integrate listener greeter";

    @Hook("install")
    void waitForGreeter(Status status) {
        status.blocked(NO_GREETER);
    }

    /** Reads the greetings whenever the greeters change, and replies once there is one. */
    @When("greeting.updated")
    void listen(GreetingRequires greeting, Config config, Flags flags, Status status) {
        flags.clear("greeting.updated");
        List<Greeting> greetings = greeting.greetings();
        if (greetings.isEmpty()) {
            flags.clear("listener.heard");
            if (flags.isSet("greeting.connected")) {
                status.waiting("waiting for a greeting");
            } else {
                status.blocked(NO_GREETER);
            }
            return;
        }
        greeting.reply(config.getString("reply"));
        flags.set("listener.heard");
        Greeting first = greetings.get(0);
        status.active("heard '" + first.text() + "' from " + first.unit() + " on port " + first.port()
                + (greetings.size() > 1 ? " and " + (greetings.size() - 1) + " more" : ""));
    }

    /** A new reply reaches the greeters at once. */
    @When({"listener.heard", "config.changed.reply"})
    void replyAgain(GreetingRequires greeting, Config config) {
        greeting.reply(config.getString("reply"));
    }
}
