package dev.charms.reactive.host;

import dev.charms.reactive.Injectable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts, stops, enables and queries systemd units with {@code systemctl}, one command per call.
 *
 * <pre>{@code
 * services.enableAndStart("hello");        // systemctl enable --now hello
 * if (!services.isActive("hello")) { ... } // systemctl is-active --quiet hello
 * }</pre>
 *
 * <p>A unit name is passed to systemctl as given, so {@code hello} and {@code hello.service} both work. A
 * failing action throws a {@link CommandException} naming the unit and quoting systemctl's stderr.
 */
@Injectable
public final class Services {
    private final CommandRunner runner;

    /** Services run through {@code runner}; in a hook, a {@link ProcessCommandRunner} over the hook's environment. */
    public Services(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** {@code systemctl start UNIT}. */
    public void start(String unit) {
        act("start", unit);
    }

    /** {@code systemctl stop UNIT}. */
    public void stop(String unit) {
        act("stop", unit);
    }

    /** {@code systemctl restart UNIT}: starts it if it was stopped. */
    public void restart(String unit) {
        act("restart", unit);
    }

    /** {@code systemctl reload UNIT}. */
    public void reload(String unit) {
        act("reload", unit);
    }

    /** {@code systemctl enable UNIT}: start it at boot. */
    public void enable(String unit) {
        act("enable", unit);
    }

    /** {@code systemctl disable UNIT}: do not start it at boot. */
    public void disable(String unit) {
        act("disable", unit);
    }

    /** {@code systemctl enable --now UNIT}: start it at boot and now, in one command. */
    public void enableAndStart(String unit) {
        act("enable", unit, "--now");
    }

    /** {@code systemctl disable --now UNIT}: stop it now and do not start it at boot, in one command. */
    public void stopAndDisable(String unit) {
        act("disable", unit, "--now");
    }

    /** {@code systemctl is-active --quiet UNIT}: true when the unit is running; false for any other state. */
    public boolean isActive(String unit) {
        return query("is-active", unit);
    }

    /**
     * {@code systemctl is-enabled --quiet UNIT}: true when the unit starts at boot (systemd also answers yes
     * for {@code static}, {@code alias} and {@code indirect} units); false otherwise, including unknown units.
     */
    public boolean isEnabled(String unit) {
        return query("is-enabled", unit);
    }

    private void act(String verb, String unit, String... options) {
        List<String> argv = new ArrayList<>(List.of("systemctl", verb));
        argv.addAll(List.of(options));
        argv.add(checked(unit));
        runner.run(Command.of(argv)).orThrow("cannot " + verb + " service " + unit);
    }

    private boolean query(String verb, String unit) {
        return runner.run(Command.of("systemctl", verb, "--quiet", checked(unit))).succeeded();
    }

    private static String checked(String unit) {
        if (unit.isBlank() || unit.startsWith("-") || unit.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a systemd unit name: \"" + unit
                    + "\"; pass a name such as hello or hello.service");
        }
        return unit;
    }
}
