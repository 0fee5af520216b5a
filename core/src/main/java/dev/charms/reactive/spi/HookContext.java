package dev.charms.reactive.spi;

import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.state.UnitState;
import java.util.Optional;
import java.util.function.Function;

/**
 * One running hook, as extensions and parameter resolvers see it. Lives from the start of the hook to its commit
 * or failure. Nothing here is null.
 */
public interface HookContext {

    /** The hook (or action) name, e.g. {@code config-changed}. */
    String hookName();

    /** True for {@code collect-metrics} and {@code meter-status-changed}, which run only restricted handlers. */
    boolean restricted();

    /**
     * True when running an action ({@link #hookName()} is then the action's name) rather than a hook. Default
     * false, for contexts that only ever run hooks.
     */
    default boolean action() {
        return false;
    }

    /** Juju, through which every hook tool call goes. */
    JujuBackend backend();

    /** The unit state of this hook: committed if the hook succeeds, dropped if it fails. */
    UnitState state();

    /** The flags of this hook. */
    Flags flags();

    /** The charm's log. */
    Log log();

    /**
     * One of the runtime's injectable objects for this hook, by exact type: {@code Flags}, {@code Log},
     * {@code Config}, {@code Leadership}, {@code Status}, {@code DataChanged}, {@code ActionContext} (in an
     * action), and those the runner was given ({@code HookRunner.Builder.service}); empty for any other type.
     */
    <T> Optional<T> service(Class<T> type);

    /**
     * The object stored under {@code type} for this hook, created with {@code factory} on first use. Lets a
     * resolver hand the same instance to every handler of a hook.
     */
    <T> T hookScoped(Class<T> type, Function<HookContext, T> factory);
}
