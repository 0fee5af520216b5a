package dev.charms.reactive.refresh;

import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.refresh.internal.ActionRefusals;
import dev.charms.reactive.refresh.internal.CharmCode;
import dev.charms.reactive.refresh.internal.Compatibility;
import dev.charms.reactive.refresh.internal.Messages;
import dev.charms.reactive.refresh.internal.Originals;
import dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh;
import dev.charms.reactive.refresh.internal.RefreshView;
import dev.charms.reactive.refresh.internal.RefreshView.State;
import dev.charms.reactive.refresh.internal.RollbackCommand;
import dev.charms.reactive.refresh.internal.UnitRecord;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.status.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This unit's part in the refresh, for one hook: reads what every unit published and the workload, decides with a
 * {@link RefreshView}, and acts (refreshes the workload, checks health, publishes, shows statuses). The handlers of
 * {@link RollingRefresh} create one and call one method.
 */
final class RefreshUnit {
    private static final String UNIT_STATUS = "refresh.unit-status";
    private static final String APPLICATION_STATUS = "refresh.application-status";
    private static final String WORKLOAD_VERSION = "refresh.workload-version";

    private final RefreshPeers peers;
    private final RefreshWorkload workload;
    private final WorkloadContext context;
    private final Flags flags;
    private final Leadership leadership;
    private final Log log;
    private final String self;
    private final int number;
    private final CharmRelease release;
    private final CharmCode code;
    private final Optional<CharmCode> publishedCode;
    private UnitRecord record;
    private Optional<String> precheckFailure = Optional.empty();
    private Optional<String> healthProblem = Optional.empty();

    RefreshUnit(RefreshPeers peers, RefreshWorkload workload, WorkloadContext context, Flags flags,
            Leadership leadership) {
        this.peers = peers;
        this.workload = workload;
        this.context = context;
        this.flags = flags;
        this.leadership = leadership;
        this.log = context.log();
        this.self = context.unitName();
        this.number = context.unitNumber();
        this.release = workload.release();
        this.code = new CharmCode(release.charmVersion(), workload.charmRevision(context));
        Optional<UnitRecord> published = UnitRecord.from(self, peers.ownData());
        this.publishedCode = published.map(UnitRecord::code);
        this.record = new UnitRecord(code, workload.installedVersion(context),
                published.flatMap(UnitRecord::healthyOn), published.flatMap(UnitRecord::startedFor));
    }

    /** Whether the peer relation exists yet; until it does there is nobody to coordinate with and nowhere to write. */
    boolean hasPeerRelation() {
        return peers.relation().isPresent();
    }

    /**
     * The work of every hook: record the original versions when no refresh is in progress (leader); start the refresh
     * when this is the first unit and the automatic checks pass; refresh this unit's workload when its turn has come;
     * check its health; publish; set {@code refresh.in-progress}; show the statuses and the workload version.
     */
    void evaluate(Status status, DataChanged changes) {
        RefreshView view = view();
        boolean inProgressAtStart = context.refreshSeenInProgress(view.inProgress());
        if (!view.inProgress()) {
            record = record.withStartedFor(Optional.empty());
            if (leadership.isLeader()) {
                peers.publishApplication(new Originals(code, release.workloadVersion()).toData());
            }
        } else if (view.state() == State.STARTED || startsNow(view)) {
            if (view.rollback() && !record.startedFor().equals(Optional.of(code.identity()))) {
                log.info(Messages.ROLLBACK_DETECTED);
            }
            record = record.withStartedFor(Optional.of(code.identity()));
        }
        publish();
        if (view().refreshesAutomatically(self)) {
            log.info(Messages.refreshingUnit(number));
            refreshSelf();
        }
        checkHealth();
        publish();
        RefreshView after = view();
        boolean inProgress = inProgressAtStart || after.inProgress();
        flags.toggle(RollingRefresh.IN_PROGRESS, inProgress);
        showStatuses(after, inProgress, status, changes);
        Optional<String> installed = record.workloadVersion();
        if (changes.changed(WORKLOAD_VERSION, installed.orElse(null)) && installed.isPresent()) {
            context.backend().applicationVersionSet(installed.get());
        }
    }

    /** The {@code pre-refresh-check} action: on the leader, before a refresh. */
    void preRefreshCheck(ActionContext action) {
        if (refused(action, ActionRefusals.preRefreshCheck(view(), leadership.isLeader(), tearingDown()))) {
            return;
        }
        try {
            workload.preRefreshChecks(context);
        } catch (PrecheckFailed e) {
            action.fail(Messages.notReady(e.getMessage()));
            return;
        }
        action.set("result", Messages.ready(release.charmName(), release.charmVersion(),
                RollbackCommand.to(context.applicationName(), code), pause()));
    }

    /** The {@code force-refresh-start} action: on the first unit, skip the automatic checks the operator says. */
    void forceRefreshStart(ActionContext action) {
        RefreshView view = view();
        boolean checkCompatibility = action.getBoolean("check-compatibility");
        boolean runChecks = action.getBoolean("run-pre-refresh-checks");
        boolean allChecksOn = checkCompatibility && runChecks && action.getBoolean("check-workload-container");
        if (refused(action, ActionRefusals.forceRefreshStart(view, tearingDown(), allChecksOn,
                !publishedCode.equals(Optional.of(code))))) {
            return;
        }
        Compatibility compatibility = view.compatibility();
        if (checkCompatibility && !compatibility.compatible()) {
            log.warning(Messages.incompatibleLog(view.rollbackCommand(), compatibility.reason()));
            action.fail(Messages.forceIncompatible());
            return;
        }
        action.log(Messages.compatibilityChecked(release.workloadName(), !checkCompatibility));
        if (runChecks) {
            action.log(Messages.RUNNING_PRECHECKS);
            try {
                workload.preRefreshChecks(context);
            } catch (PrecheckFailed e) {
                action.fail(Messages.forcePrecheckFailed(e.getMessage()));
                return;
            }
            action.log(Messages.PRECHECKS_PASSED);
        } else {
            action.log(Messages.SKIPPING_PRECHECKS);
        }
        record = record.withStartedFor(Optional.of(code.identity()));
        publish();
        if (!view().needsWorkloadRefresh(self)) {
            action.set("result", Messages.REFRESH_STARTED);
            return;
        }
        action.log(Messages.refreshingUnit(number));
        action.set("result", refreshSelf() ? Messages.refreshedUnit(number) : Messages.startedButFailed(number));
    }

    /** The {@code resume-refresh} action: on the next unit to refresh, let it refresh now. */
    void resumeRefresh(ActionContext action) {
        RefreshView view = view();
        if (refused(action, ActionRefusals.resumeRefreshAtAll(view, tearingDown()))) {
            return;
        }
        boolean checkHealth = action.getBoolean("check-health-of-refreshed-units");
        if (!checkHealth) {
            action.log(Messages.IGNORING_HEALTH);
        }
        if (refused(action, ActionRefusals.resumeRefresh(view, checkHealth))) {
            return;
        }
        boolean resumes = checkHealth && view.pause() == PauseAfterUnitRefresh.FIRST;
        action.log(resumes ? Messages.resumedRefreshing(number) : Messages.refreshingUnit(number));
        if (refreshSelf()) {
            action.set("result", resumes ? Messages.resumedRefreshed(number) : Messages.refreshedUnit(number));
        } else {
            action.fail(Messages.refreshFailed(release.workloadName()));
        }
    }

    /** Fails the action with the refusal, if there is one; whether there was. */
    private static boolean refused(ActionContext action, Optional<String> refusal) {
        refusal.ifPresent(action::fail);
        return refusal.isPresent();
    }

    private boolean tearingDown() {
        return flags.isSet(RollingRefresh.TEARING_DOWN);
    }

    /** Whether this, the first unit, starts the refresh now: the automatic checks pass. Logs why not. */
    private boolean startsNow(RefreshView view) {
        if (view.state() != State.NOT_STARTED || !self.equals(view.firstUnit())) {
            return false;
        }
        Compatibility compatibility = view.compatibility();
        if (!compatibility.compatible()) {
            log.warning(Messages.incompatibleLog(view.rollbackCommand(), compatibility.reason()));
            return false;
        }
        try {
            workload.preRefreshChecks(context);
        } catch (PrecheckFailed e) {
            precheckFailure = Optional.of(e.getMessage());
            log.warning(Messages.precheckFailedStatus(e.getMessage()));
            return false;
        }
        log.info("Automatic refresh checks passed: refreshing to charm " + code + " and " + release.workloadName()
                + " " + release.workloadVersion());
        return true;
    }

    /** Installs this code's workload version; whether the unit then has it. A failure is logged, not thrown. */
    private boolean refreshSelf() {
        String version = release.workloadVersion();
        try {
            workload.refreshWorkload(context, version);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.error("Refreshing " + release.workloadName() + " to " + version + " on unit " + number
                    + " failed; the next hook retries:\n" + trace.toString().stripTrailing());
        }
        record = record.withWorkloadVersion(workload.installedVersion(context));
        publish();
        return record.workloadVersion().equals(Optional.of(version));
    }

    /** Asks the workload's health while the unit has not been healthy on its installed version. */
    private void checkHealth() {
        Optional<String> installed = record.workloadVersion();
        if (installed.isEmpty() || record.healthyOnInstalled()) {
            return;
        }
        Health health = workload.health(context);
        if (health.isHealthy()) {
            record = record.withHealthyOn(installed);
        }
        healthProblem = health.problem();
    }

    private void showStatuses(RefreshView view, boolean inProgress, Status status, DataChanged changes) {
        Optional<StatusValue> unit = inProgress
                ? Optional.of(view.unitStatus(release.workloadName(), precheckFailure, healthProblem))
                : Optional.empty();
        if (changes.changed(UNIT_STATUS, unit.orElse(null)) && unit.isPresent()) {
            show(status, unit.get());
        }
        boolean leader = leadership.isLeader();
        Optional<StatusValue> application = leader ? view.applicationStatus() : Optional.empty();
        if (application.isPresent()) {
            if (changes.changed(APPLICATION_STATUS, application.get())
                    || !flags.isSet(RollingRefresh.SHOWS_APPLICATION_STATUS)) {
                show(status.application(), application.get());
            }
            flags.set(RollingRefresh.SHOWS_APPLICATION_STATUS);
        } else if (flags.isSet(RollingRefresh.SHOWS_APPLICATION_STATUS)) {
            if (leader) {
                status.application().active("");
            }
            changes.changed(APPLICATION_STATUS, null);
            flags.clear(RollingRefresh.SHOWS_APPLICATION_STATUS);
        }
    }

    private static void show(Status status, StatusValue value) {
        switch (value.state()) {
            case "active" -> status.active(value.message());
            case "blocked" -> status.blocked(value.message());
            case "waiting" -> status.waiting(value.message());
            default -> status.maintenance(value.message());
        }
    }

    private void publish() {
        peers.publish(record.toData());
    }

    private PauseAfterUnitRefresh pause() {
        return PauseAfterUnitRefresh.parse(context.config().getString(PauseAfterUnitRefresh.OPTION));
    }

    private RefreshView view() {
        Map<String, Optional<UnitRecord>> units = new HashMap<>();
        peers.peerData().forEach((unit, data) -> units.put(unit, UnitRecord.from(unit, data)));
        units.put(self, Optional.of(record));
        Optional<Originals> originals = Originals.from(peers.applicationData());
        return new RefreshView(self, code, release.workloadVersion(), units, originals, pause(),
                Compatibility.of(originals, code, release.workloadVersion(), workload::workloadCompatible));
    }
}
