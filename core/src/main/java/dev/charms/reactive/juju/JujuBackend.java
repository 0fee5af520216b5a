package dev.charms.reactive.juju;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every question the runtime asks Juju and every change it asks Juju to make during one hook, one method per
 * hook tool. The production implementation runs the tools as processes (no shell, {@code --format=json}
 * where it exists) and caches reads for the hook; tests use an in-memory implementation or stub tools.
 *
 * <p>This interface is the boundary: the dispatcher and the typed APIs handed to handlers call only this,
 * so the same production code runs under Juju, under the harness, and under the model simulator.
 *
 * <p>Writes are performed when called. The runtime itself defers the writes Juju must only see after a
 * successful hook (relation data, leader settings) and calls them at commit. A failing tool throws
 * {@link HookToolException}.
 */
public interface JujuBackend {

    /** {@code config-get --all --format=json}: every option, unset ones as null. */
    Map<String, Object> configGet();

    /** {@code is-leader --format=json}. */
    boolean isLeader();

    /** {@code leader-get --format=json -}: the application's leader settings. */
    Map<String, String> leaderGet();

    /** {@code leader-set k=v ...}; a null value unsets the key. Only the leader may call it. */
    void leaderSet(Map<String, String> settings);

    /** {@code status-set [--application] STATE MESSAGE}. */
    void statusSet(boolean application, StatusValue status);

    /** {@code status-get --format=json --include-data [--application]}. */
    StatusValue statusGet(boolean application);

    /** {@code juju-log -l LEVEL MESSAGE}. An implementation may hold lines back until {@link #flushLog()}. */
    void log(LogLevel level, String message);

    /**
     * Sends the log lines an implementation has held back, so that a whole hook costs one {@code juju-log}
     * process. The runtime calls it at the end of every hook, whether it succeeded or failed, and before the
     * process exits for any other reason. Implementations that send each line at once do nothing here, which
     * is the default.
     */
    default void flushLog() {
    }

    /** {@code relation-ids --format=json ENDPOINT}: relation ids such as {@code db:3}, in Juju's order. */
    List<String> relationIds(String endpoint);

    /** {@code relation-list --format=json -r ID}: the remote units in the relation. */
    List<String> relationList(String relationId);

    /**
     * {@code relation-get --format=json [--app] -r ID - UNIT_OR_APP}: the settings of a unit, or of an
     * application when {@code app} is true. Empty when the unit has none.
     */
    Map<String, String> relationGet(String relationId, String unitOrApp, boolean app);

    /** {@code relation-set [--app] -r ID --file -}: merges these settings; a null value deletes the key. */
    void relationSet(String relationId, Map<String, String> settings, boolean app);

    /** {@code action-get --format=json}: the action's parameters. */
    Map<String, Object> actionGet();

    /** {@code action-set k=v ...} with dotted keys for nesting. */
    void actionSet(Map<String, String> results);

    /** {@code action-fail MESSAGE}. */
    void actionFail(String message);

    /** {@code action-log MESSAGE}. */
    void actionLog(String message);

    /** {@code application-version-set VERSION}. */
    void applicationVersionSet(String version);

    /** {@code open-port PORT[/PROTOCOL]} or a range {@code FROM-TO/PROTOCOL}. */
    void openPort(String portSpec);

    /** {@code close-port PORT[/PROTOCOL]}. */
    void closePort(String portSpec);

    /** {@code opened-ports --format=json}: entries such as {@code 80/tcp}. */
    List<String> openedPorts();

    /** {@code unit-get --format=json KEY} ({@code private-address}, {@code public-address}). */
    Optional<String> unitGet(String key);

    /** {@code network-get --format=json BINDING}: the raw JSON object, as nested maps and lists. */
    Map<String, Object> networkGet(String binding);

    /** {@code state-get --format=json}: the unit's server-side key-value store. */
    Map<String, String> stateGet();

    /** {@code state-set k=v ...}. */
    void stateSet(Map<String, String> values);

    /** {@code state-delete KEY}. */
    void stateDelete(String key);
}
