package dev.charms.reactive.samples.hello;

import dev.charms.reactive.host.Apt;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.host.Files;
import dev.charms.reactive.host.Services;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine the hello charm runs on when a test runs the same scenario through both drivers of the model simulator:
 * every command ({@code apt-get install}, {@code systemctl enable --now}, {@code systemctl is-active}...) succeeds
 * and prints nothing, so the service is always up. Through real processes the commands are the scripts
 * {@link #scripts} writes, put on the hooks' {@code PATH}; in this JVM this class resolves {@link Apt},
 * {@link Services} and {@link Files} for the handlers, found by {@code HookDriver.inProcess()}'s runner as a
 * {@code ServiceLoader} resolver while {@link #inThisThread} runs. Files are real: the charm writes its
 * configuration file where {@code HELLO_CONFIG_FILE} says.
 */
public final class SucceedingHost implements ParameterResolver, CommandRunner {
    /** The host helpers the hello charm's handlers take, each over the runner. */
    private static final Map<Class<?>, Function<CommandRunner, Object>> HELPERS = Map.of(Apt.class, Apt::new,
            Services.class, Services::new, Files.class, runner -> new Files());
    private static final String SERVICES_FILE = "META-INF/services/" + ParameterResolver.class.getName();

    /** For the {@code ServiceLoader}. */
    public SucceedingHost() {
    }

    @Override
    public boolean supports(Class<?> type) {
        return HELPERS.containsKey(type);
    }

    @Override
    public Object resolve(Class<?> type, ResolutionContext context) {
        return HELPERS.get(type).apply(this);
    }

    @Override
    public CommandResult run(Command command) {
        return new CommandResult(command, 0, "", "");
    }

    /** Writes {@code apt-get} and {@code systemctl} scripts that exit 0 into {@code directory}; returns it. */
    public static Path scripts(Path directory) {
        try {
            java.nio.file.Files.createDirectories(directory);
            for (String command : new String[] {"apt-get", "systemctl"}) {
                Path script = directory.resolve(command);
                java.nio.file.Files.writeString(script, "#!/bin/sh\nexit 0\n");
                java.nio.file.Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the host scripts in " + directory + ": " + e, e);
        }
        return directory;
    }

    /**
     * Runs {@code body} with a context class loader that lists this class as a {@link ParameterResolver} service
     * (its services file written under {@code directory}), as a layer's jar would; restores the loader after.
     */
    public static void inThisThread(Path directory, Runnable body) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            Path services = directory.resolve(SERVICES_FILE);
            java.nio.file.Files.createDirectories(services.getParent());
            java.nio.file.Files.writeString(services, SucceedingHost.class.getName() + "\n");
            try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, before)) {
                thread.setContextClassLoader(loader);
                body.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the host resolver under " + directory + ": " + e, e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
