package dev.charms.reactive.refresh.internal;

import dev.charms.reactive.refresh.internal.RefreshView.State;
import java.util.Optional;

/**
 * Why a refresh action may not run on a unit now, in the order charm-refresh checks: each method gives the first
 * refusal that applies, in the reference's words, or empty when the action may go on.
 */
public final class ActionRefusals {

    private ActionRefusals() {
    }

    /**
     * {@code pre-refresh-check}: only on the leader, with no refresh in progress.
     *
     * @param view the view of the unit the action runs on
     * @param leader whether that unit is the leader
     * @param tearingDown whether that unit is leaving the application
     */
    public static Optional<String> preRefreshCheck(RefreshView view, boolean leader, boolean tearingDown) {
        if (!leader) {
            return Optional.of(Messages.mustRunOnLeader(view.application(), "pre-refresh-check"));
        }
        if (tearingDown) {
            return Optional.of(Messages.TEARING_DOWN);
        }
        if (view.state() == State.UNKNOWN) {
            return Optional.of(Messages.DETERMINING_ACTION);
        }
        if (view.inProgress()) {
            return Optional.of(Messages.ALREADY_IN_PROGRESS);
        }
        return Optional.empty();
    }

    /**
     * {@code force-refresh-start}: only on the first unit, during a refresh not started yet, with a check turned off,
     * once the unit has run an event with its new charm code.
     *
     * @param allChecksOn whether every check parameter is true
     * @param codeOutdated whether the unit has not published its new charm code yet (no event since the code changed)
     */
    public static Optional<String> forceRefreshStart(RefreshView view, boolean tearingDown, boolean allChecksOn,
            boolean codeOutdated) {
        if (tearingDown) {
            return Optional.of(Messages.TEARING_DOWN);
        }
        if (!view.self().equals(view.firstUnit())) {
            return Optional.of(Messages.mustRunOnUnit(RefreshView.number(view.firstUnit())));
        }
        if (view.state() == State.IDLE) {
            return Optional.of(Messages.NO_REFRESH);
        }
        if (view.state() == State.UNKNOWN) {
            return Optional.of(Messages.DETERMINING_ACTION);
        }
        if (allChecksOn) {
            return Optional.of(Messages.FORCE_NEEDS_A_FALSE);
        }
        if (codeOutdated) {
            return Optional.of(Messages.CHARM_CODE_OUTDATED);
        }
        if (view.started()) {
            return Optional.of(Messages.unitAlreadyRefreshed(RefreshView.number(view.self())));
        }
        return Optional.empty();
    }

    /** {@code resume-refresh}, before anything else: not on a leaving unit, and only during a refresh. */
    public static Optional<String> resumeRefreshAtAll(RefreshView view, boolean tearingDown) {
        if (tearingDown) {
            return Optional.of(Messages.TEARING_DOWN);
        }
        if (view.state() == State.IDLE) {
            return Optional.of(Messages.NO_REFRESH);
        }
        if (view.state() == State.UNKNOWN) {
            return Optional.of(Messages.DETERMINING_ACTION);
        }
        return Optional.empty();
    }

    /**
     * {@code resume-refresh} once {@link #resumeRefreshAtAll} allowed it. Ignoring health, on any unit that needs a
     * refresh. Checking health: on the next unit, with the refresh started, every unit before it healthy, and the
     * pause option making it wait (else it refreshes on its own).
     */
    public static Optional<String> resumeRefresh(RefreshView view, boolean checkHealth) {
        String self = view.self();
        if (!checkHealth) {
            return view.needsWorkloadRefresh(self) ? Optional.empty() : Optional.of(Messages.ALREADY_REFRESHED);
        }
        if (view.pause() == PauseAfterUnitRefresh.NONE) {
            return Optional.of(Messages.RESUME_NOT_APPLICABLE);
        }
        Optional<String> next = view.nextUnit();
        if (next.isEmpty()) {
            return Optional.of(Messages.CURRENTLY_REFRESHING);
        }
        if (!next.get().equals(self)) {
            return Optional.of(Messages.mustRunOnUnit(RefreshView.number(next.get())));
        }
        if (!view.started()) {
            return Optional.of(Messages.unhealthy(RefreshView.number(view.firstUnit())));
        }
        Optional<String> unhealthy = view.firstUnhealthyBefore(self);
        if (unhealthy.isPresent()) {
            return Optional.of(Messages.unhealthy(RefreshView.number(unhealthy.get())));
        }
        if (!view.pause().waitsAt(view.index(self))) {
            return Optional.of(Messages.CURRENTLY_REFRESHING);
        }
        return Optional.empty();
    }
}
