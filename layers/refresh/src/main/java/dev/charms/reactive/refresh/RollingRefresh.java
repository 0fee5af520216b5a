package dev.charms.reactive.refresh;

import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.status.Status;

/**
 * The refresh layer's handlers: in every hook, this unit's part in a rolling refresh; and the actions
 * {@code pre-refresh-check}, {@code resume-refresh} and {@code force-refresh-start}. See docs/upgrades.md.
 *
 * <p>Flags for the charm:
 * <ul>
 *   <li>{@value #IN_PROGRESS}: a refresh is in progress (or may be: a unit has not published its state yet), from
 *       the first hook that sees it to the hook after the one that completes it. While it is set, refuse what makes a
 *       rollback harder: relation changes, backups and restores, config changes other than
 *       {@code pause-after-unit-refresh}, password and certificate rotation;</li>
 *   <li>{@value #SHOWS_APPLICATION_STATUS}: on the leader, the layer shows the application status (a refresh, or an
 *       invalid {@code pause-after-unit-refresh}); set your own application status only while it is clear;</li>
 *   <li>{@value #TEARING_DOWN}: this unit is leaving the application; the refresh actions fail on it.</li>
 * </ul>
 */
public final class RollingRefresh {
    /** Set while a refresh is in progress. */
    public static final String IN_PROGRESS = "refresh.in-progress";
    /** Set on the leader while the layer shows the application status. */
    public static final String SHOWS_APPLICATION_STATUS = "refresh.shows-application-status";
    /** Set once this unit is leaving the peer relation. */
    public static final String TEARING_DOWN = "refresh.tearing-down";

    /**
     * This unit's part in the refresh; runs in every hook and action except during a series upgrade. It sets
     * {@value #IN_PROGRESS} from what {@link RefreshUnit#evaluate} finds, so the flag has one place it is set.
     */
    @WhenNot("upgrade.series.in-progress")
    void refresh(RefreshPeers peers, RefreshWorkload workload, WorkloadContext context, Flags flags,
            Leadership leadership, Status status, DataChanged changes) {
        RefreshUnit unit = new RefreshUnit(peers, workload, context, flags, leadership);
        if (unit.hasPeerRelation()) {
            flags.toggle(IN_PROGRESS, unit.evaluate(status, changes));
        }
    }

    /**
     * The same, already in the hooks phase of the hooks where a refresh can begin: {@code upgrade-charm}, and a peer
     * joining or changing. So {@value #IN_PROGRESS} is right from the start of the hook: for the charm's own
     * {@code @Hook} handlers, which run after this one, and for its first flag-loop iteration, whose handlers a flag
     * set during the iteration would not stop.
     */
    @Hook({"upgrade-charm", "{peers:refresh}-relation-{joined,changed}"})
    void refreshEarly(RefreshPeers peers, RefreshWorkload workload, WorkloadContext context, Flags flags,
            Leadership leadership, Status status, DataChanged changes) {
        refresh(peers, workload, context, flags, leadership, status, changes);
    }

    /** Notes that this unit is being removed, so the refresh actions refuse to run on it. */
    @Hook("{peers:refresh}-relation-departed")
    void departed(WorkloadContext context, Flags flags) {
        if (context.departing()) {
            flags.set(TEARING_DOWN);
        }
    }

    @Action("pre-refresh-check")
    void preRefreshCheck(ActionContext action, RefreshPeers peers, RefreshWorkload workload, WorkloadContext context,
            Flags flags, Leadership leadership) {
        new RefreshUnit(peers, workload, context, flags, leadership).preRefreshCheck(action);
    }

    @Action("resume-refresh")
    void resumeRefresh(ActionContext action, RefreshPeers peers, RefreshWorkload workload, WorkloadContext context,
            Flags flags, Leadership leadership) {
        new RefreshUnit(peers, workload, context, flags, leadership).resumeRefresh(action);
    }

    @Action("force-refresh-start")
    void forceRefreshStart(ActionContext action, RefreshPeers peers, RefreshWorkload workload,
            WorkloadContext context, Flags flags, Leadership leadership) {
        new RefreshUnit(peers, workload, context, flags, leadership).forceRefreshStart(action);
    }
}
