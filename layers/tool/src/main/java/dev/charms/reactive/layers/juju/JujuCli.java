package dev.charms.reactive.layers.juju;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the upgrade orchestrator asks of Juju, one method per {@code juju} command. The production implementation
 * is {@link ProcessJujuCli}; tests run it over a stub {@code juju}, and a simulator-backed implementation can
 * replace it without touching the orchestrator.
 *
 * <p>Every method blocks until the command finished and throws {@link dev.charms.reactive.host.CommandException}
 * (naming the command and quoting its stderr) when it failed, unless documented otherwise.
 */
public interface JujuCli {

    /** {@code juju status --format=json}: the whole model now. */
    ModelStatus status();

    /** {@code juju actions <application> --format=json}: the names of the actions its charm defines. */
    Set<String> actions(String application);

    /**
     * {@code juju refresh <application> [--channel <channel>] [--revision <revision>]}: starts the refresh; it
     * returns before the units have run {@code upgrade-charm}.
     */
    void refresh(String application, Optional<String> channel, OptionalInt revision);

    /**
     * {@code juju run <unit> <action> [key=value...] --format=json}: runs an action and waits for its result. An
     * action that ran and failed is a result ({@link ActionResult#succeeded()} false), not an exception.
     */
    ActionResult run(String unit, String action, Map<String, String> parameters);

    /** {@code juju upgrade-machine <machine> prepare <base> --yes}: runs pre-series-upgrade on its units. */
    void prepareMachine(String machine, String base);

    /** {@code juju upgrade-machine <machine> complete}: runs post-series-upgrade and records the new base. */
    void completeMachine(String machine);

    /** {@code juju exec --machine <machine> -- <command...>}: what the command printed on the machine. */
    String exec(String machine, List<String> command);
}
