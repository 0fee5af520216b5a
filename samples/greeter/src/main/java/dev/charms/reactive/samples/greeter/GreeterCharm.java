package dev.charms.reactive.samples.greeter;

import dev.charms.reactive.When;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.samples.greeting.GreetingProvides;
import dev.charms.reactive.status.Status;

/**
 * The greeter charm: publishes its configured greeting and port to every listener over interface:greeting
 * ({@link GreetingProvides}, relation {@code greeting}), and shows in its status how many listeners replied.
 *
 * <p>Flags it reacts to: {@code config.changed}, and {@code greeting.updated}, which interface:greeting sets when a
 * listener joined, replied or left; the charm clears it. Two handlers rather than one {@code @WhenAny} of both
 * flags: clearing {@code greeting.updated} would let such a handler run again in the same hook for
 * {@code config.changed}.
 */
public class GreeterCharm {

    /** A listener joined, replied or left. */
    @When("greeting.updated")
    void greetListeners(GreetingProvides greeting, Config config, Flags flags, Status status) {
        flags.clear("greeting.updated");
        greet(greeting, config, status);
    }

    /** The operator changed the greeting or the port (and the first hook, install, sees every option change). */
    @When("config.changed")
    void greetWithNewConfig(GreetingProvides greeting, Config config, Status status) {
        greet(greeting, config, status);
    }

    private static void greet(GreetingProvides greeting, Config config, Status status) {
        String text = config.getString("greeting");
        int port = config.getInt("port");
        greeting.publish(text, port);
        int replies = greeting.replies().size();
        status.active("saying '" + text + "' on port " + port + "; "
                + (replies == 0 ? "no listener replied yet" : replies + (replies == 1 ? " listener" : " listeners")
                        + " replied"));
    }
}
