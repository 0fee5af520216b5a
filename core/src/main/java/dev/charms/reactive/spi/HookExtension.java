package dev.charms.reactive.spi;

/**
 * A subsystem that takes part in every non-restricted hook around the dispatch, e.g. endpoints, which set their
 * automatic flags at start and publish relation data on success.
 *
 * <p>Order within one hook: the runtime's config flags, then the upgrade flags, then each extension's
 * {@link #atStart} in registration order, then the leadership flags; the dispatch; then each extension's
 * {@link #atExit} in reverse order, the runtime's own exit steps (save config, forget triggers, clear config
 * flags), then the new unit state is committed, then each extension's {@link #publish} in registration order,
 * after the runtime published its own deferred writes. If anything before the commit throws, the hook fails with
 * nothing committed or published; if a publication throws, the hook fails and the state before it is committed
 * again.
 */
public interface HookExtension {

    /** Sets automatic flags before the dispatch. */
    default void atStart(HookContext hook) {
    }

    /** Tidies up after a successful dispatch, still able to change flags and state. */
    default void atExit(HookContext hook) {
    }

    /**
     * Performs the writes Juju must see only after a successful hook (relation data, ...), once the new state is
     * committed; changes to flags or state here are not committed.
     */
    default void publish(HookContext hook) {
    }
}
