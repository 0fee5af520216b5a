package dev.charms.reactive.samples.hello.demo;

import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.samples.hello.HelloCharm;
import dev.charms.reactive.samples.hello.HelloCharm_ReactiveHandlers;
import dev.charms.reactive.testing.Harness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A {@link Harness} for the hello charm on a {@link SimulatedHost}, with the charm's own config.yaml. */
public final class HelloHarness {
    private HelloHarness() {
    }

    /**
     * The harness: the handlers the annotation processor generated for {@link HelloCharm}, invoked on a charm that
     * writes its configuration file to {@code configFile}; the options of the charm's config.yaml; Apt, Services
     * and Files resolved over {@code host}. Set the hook (and state) before running it.
     */
    public static Harness of(SimulatedHost host, Path configFile) {
        HandlerSet handlers = HandlerSet.ofDefinitions(new HelloCharm_ReactiveHandlers().handlers(),
                type -> new HelloCharm(configFile));
        return Harness.of(handlers).configYaml(configYaml()).resolver(host);
    }

    /** The text of the charm's config.yaml (src/main/charm/config.yaml, copied beside HelloCharm.class). */
    public static String configYaml() {
        try (InputStream in = HelloCharm.class.getResourceAsStream("config.yaml")) {
            if (in == null) {
                throw new IllegalStateException("config.yaml is not beside " + HelloCharm.class.getName()
                        + " on the classpath; the build copies it there from src/main/charm (see pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config.yaml of the hello charm", e);
        }
    }
}
