package dev.charms.reactive.host;

import dev.charms.reactive.Injectable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Installs Debian packages with {@code apt-get}, retrying as layer-basic does: the package archive or the dpkg
 * lock is often briefly unavailable on a fresh machine.
 *
 * <p>{@link #install} runs
 * {@code apt-get --option=Dpkg::Options::=--force-confold --assume-yes install PACKAGE...} with
 * {@code DEBIAN_FRONTEND=noninteractive}. When it fails and attempts remain, it waits the retry delay, runs
 * {@code apt-get update} (whose own failure is ignored: the next install attempt decides) and tries again. By
 * default there are 10 attempts, 10 seconds apart. {@link #update} retries the same way, without the extra
 * update. When every attempt fails, a {@link CommandException} names the packages, the number of attempts
 * and the last stderr.
 */
@Injectable
public final class Apt {
    /** layer-basic's policy: 10 attempts. */
    public static final int DEFAULT_ATTEMPTS = 10;
    /** layer-basic's policy: 10 seconds between attempts. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(10);

    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");
    private static final Command UPDATE = Command.of("apt-get", "update").withEnvironment(NONINTERACTIVE);
    private static final List<String> INSTALL =
            List.of("apt-get", "--option=Dpkg::Options::=--force-confold", "--assume-yes", "install");

    private final CommandRunner runner;
    private final int attempts;
    private final Duration delay;
    private final Sleeper sleeper;

    /** Apt with layer-basic's retry policy ({@value #DEFAULT_ATTEMPTS} attempts, 10 s apart). */
    public Apt(CommandRunner runner) {
        this(runner, DEFAULT_ATTEMPTS, DEFAULT_DELAY, Sleeper.SYSTEM);
    }

    /**
     * Apt with its own retry policy.
     *
     * @param attempts how many times a command is tried in all, at least 1
     * @param delay the wait before each retry, zero or more
     * @param sleeper does the waiting; tests pass one that returns at once
     */
    public Apt(CommandRunner runner, int attempts, Duration delay, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("apt needs at least 1 attempt, got " + attempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the apt retry delay cannot be negative, got " + delay);
        }
        this.runner = Objects.requireNonNull(runner, "runner");
        this.attempts = attempts;
        this.delay = delay;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** {@code apt-get update}, retried. */
    public void update() {
        retried(UPDATE, "update the package lists", false);
    }

    /** Installs the packages (already installed ones are left as they are), retried; none is a no-op. */
    public void install(String... packages) {
        install(List.of(packages));
    }

    /** Installs the packages (already installed ones are left as they are), retried; none is a no-op. */
    public void install(List<String> packages) {
        if (packages.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(INSTALL);
        for (String name : packages) {
            if (name.isBlank() || name.startsWith("-") || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a package name: \"" + name + "\" in " + packages);
            }
            argv.add(name);
        }
        retried(Command.of(argv).withEnvironment(NONINTERACTIVE), "install " + String.join(" ", packages), true);
    }

    private void retried(Command command, String what, boolean updateBetween) {
        CommandResult result = runner.run(command);
        for (int attempt = 2; attempt <= attempts && !result.succeeded(); attempt++) {
            sleeper.sleep(delay);
            if (updateBetween) {
                runner.run(UPDATE);
            }
            result = runner.run(command);
        }
        result.orThrow("cannot " + what + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }
}
