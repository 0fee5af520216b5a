package dev.charms.reactive.status;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.juju.StatusValue;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Sets the workload status {@code juju status} shows: the unit's by default, the application's through
 * {@link #application()}.
 * <pre>{@code
 * @WhenNot("app.installed")
 * void install(Status status, Apt apt, Flags flags) {
 *     status.maintenance("installing app");
 *     apt.install("app");
 *     flags.set("app.installed");
 * }
 * }</pre>
 * A status is sent to Juju ({@code status-set}) at once, even if the hook later fails, as Juju itself does; a call
 * that would not change the status (compared with {@code status-get} or the last call) is skipped.
 */
@Injectable
public final class Status {
    private final JujuBackend backend;
    private final boolean application;
    private final BooleanSupplier isLeader;
    private StatusValue last;
    private Status applicationStatus;

    /**
     * The unit's status. The hook runner creates it.
     *
     * @param isLeader asked before every change of the application's status
     */
    public Status(JujuBackend backend, BooleanSupplier isLeader) {
        this(backend, false, isLeader);
    }

    private Status(JujuBackend backend, boolean application, BooleanSupplier isLeader) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.application = application;
        this.isLeader = Objects.requireNonNull(isLeader, "isLeader");
    }

    /**
     * The application's status, which only the leader may set; calling its setters on another unit throws
     * {@link IllegalStateException}.
     */
    public Status application() {
        if (application) {
            return this;
        }
        if (applicationStatus == null) {
            applicationStatus = new Status(backend, true, isLeader);
        }
        return applicationStatus;
    }

    /** The charm is busy: installing, configuring, restarting. */
    public void maintenance(String message) {
        set("maintenance", message);
    }

    /** The workload is ready. */
    public void active(String message) {
        set("active", message);
    }

    /** The charm needs a person: missing config or relation, a manual step. */
    public void blocked(String message) {
        set("blocked", message);
    }

    /** The charm waits for something that will happen without a person, e.g. another unit. */
    public void waiting(String message) {
        set("waiting", message);
    }

    /** The status as last set in this hook, or as {@code status-get} reports it. */
    public StatusValue current() {
        if (last == null) {
            last = backend.statusGet(application);
        }
        return last;
    }

    private void set(String state, String message) {
        Objects.requireNonNull(message, "message");
        if (application && !isLeader.getAsBoolean()) {
            throw new IllegalStateException("cannot set the application status to " + state + " \"" + message
                    + "\": this unit is not the leader. Only the leader may set it; guard the handler with "
                    + "@When(\"leadership.is_leader\") or set the unit status instead");
        }
        StatusValue status = new StatusValue(state, message);
        if (status.equals(current())) {
            return;
        }
        backend.statusSet(application, status);
        last = status;
    }
}
