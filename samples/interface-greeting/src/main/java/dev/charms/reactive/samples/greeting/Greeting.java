package dev.charms.reactive.samples.greeting;

import java.util.Objects;

/**
 * A greeting one greeter unit published.
 *
 * @param unit the greeter unit, e.g. {@code greeter/0}
 * @param text what it says
 * @param port the port it serves the greeting on
 */
public record Greeting(String unit, String text, int port) {
    public Greeting {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(text, "text");
    }
}
