package dev.charms.reactive.layers.cli;

import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.host.CommandRunner;
import dev.charms.reactive.plan.Interrupter;
import dev.charms.reactive.plan.StopSignal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code reactive upgrade} as an operator runs it, in this JVM: the real command line over a {@code juju} the test
 * gives as a {@link CommandRunner}, with {@code HOME} a directory of the test (so the execution log goes to
 * {@code $HOME/.local/share/reactive/log}) and simulated time. Time passes only while the command sleeps between two
 * looks at the model ({@code --poll-interval}, 5 s unless given), so the durations it prints are exact, and a wait
 * that would never end times out (after {@code --timeout}) instead of hanging the test. Other modules use it from
 * this module's test jar.
 */
public final class UpgradeConsole {
    private final Path home;
    private final CommandRunner juju;
    private final SimulatedClock clock = new SimulatedClock();
    private volatile Interrupter interrupter;
    private int callsWhileRunning;
    private int stopAfter;

    /**
     * What one run printed and returned. The home directory is shown as {@code $HOME}, the log file's time stamp as
     * {@code N}.
     */
    public record Run(int code, String out, String err) {
    }

    /** A console whose {@code HOME} is {@code home}, running {@code juju} commands with {@code juju}. */
    public UpgradeConsole(Path home, CommandRunner juju) {
        this.home = home;
        this.juju = juju;
    }

    /** Runs {@code reactive upgrade <args>}, reading the operator's answers from {@code stdin}. */
    public Run upgrade(String stdin, String... args) {
        return upgradeStoppedAfter(0, stdin, args);
    }

    /**
     * Runs {@code reactive upgrade <args>} as {@link #upgrade} does, and sends it SIGINT once the {@code call}th
     * {@code juju} command made while the plan runs has returned (never if {@code call} is 0 or more than it makes):
     * the stop at the step boundary after that call.
     */
    public Run upgradeStoppedAfter(int call, String stdin, String... args) {
        callsWhileRunning = 0;
        stopAfter = call;
        UpgradeHost host = new UpgradeHost(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                this::runJuju, clock::advance, clock, installed -> {
                    interrupter = installed;
                    return () -> interrupter = null;
                });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReactiveCommand.commandLine(Map.of("HOME", home.toString())::get, host);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> argv = new ArrayList<>(List.of("upgrade"));
        argv.addAll(List.of(args));
        int code = commandLine.execute(argv.toArray(String[]::new));
        return new Run(code, normalize(out.toString()), normalize(err.toString()));
    }

    /** How many {@code juju} commands the last run made while its plan ran: the checks and the planning not counted. */
    public int callsWhileRunning() {
        return callsWhileRunning;
    }

    /**
     * Where SIGINT and SIGTERM go while a plan runs (from the first step to the last); empty before and after. A test
     * signals it from its {@code juju} to stop a run at a chosen call.
     */
    public Optional<Interrupter> interrupter() {
        return Optional.ofNullable(interrupter);
    }

    private CommandResult runJuju(Command command) {
        CommandResult result = juju.run(command);
        Interrupter running = interrupter;
        if (running != null && ++callsWhileRunning == stopAfter) {
            running.signal(StopSignal.SIGINT);
        }
        return result;
    }

    private String normalize(String text) {
        return text.replace(home.toString(), "$HOME")
                .replaceAll("reactive-upgrade-\\d{14}(-\\d+)?\\.log", "reactive-upgrade-N.log");
    }

    /** A clock that stands still until {@link #advance} moves it: the console's sleeper. */
    private static final class SimulatedClock extends Clock {
        private Instant now = Instant.parse("2026-05-04T10:15:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
