package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.layers.juju.ModelStatus.Application;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do next in a refresh, decided from one look at an application in {@code juju status}. It reads the
 * statuses the refresh layer sets (the texts of canonical/charm-refresh):
 * <ul>
 *   <li>{@code Refreshing. Check units >=M are healthy & run `resume-refresh` on unit N. ...} (machines) or
 *       {@code ... on leader} (Kubernetes), blocked: the refresh paused for confirmation. When every refreshed
 *       unit (number M or higher) is idle and active, {@link Kind#RESUME} on unit N (or the leader); while one
 *       is busy, {@link Kind#WAIT}; when one is blocked or in error, {@link Kind#FAIL}: a person must look.
 *   <li>{@code Refresh incompatible. ...} (application) or {@code ... Pre-refresh check failed: ...} (unit),
 *       blocked: {@link Kind#FAIL}, with the way to roll back or force it.
 *   <li>any other {@code Refreshing...} or {@code Determining if a refresh is in progress}, units still
 *       {@code upgrading-from} the old charm or reporting {@code (outdated)} or {@code (restart pending)}:
 *       {@link Kind#WAIT}.
 *   <li>a unit in error: {@link Kind#FAIL}.
 *   <li>otherwise, once the application is at its target: {@link Kind#DONE}.
 * </ul>
 *
 * @param kind what to do; never null
 * @param detail for WAIT what is awaited, for FAIL what is wrong and what to do, else empty; never null
 * @param unit for RESUME, the unit to run {@code resume-refresh} on
 */
public record RefreshProgress(Kind kind, String detail, Optional<String> unit) {
    private static final Pattern PAUSED = Pattern.compile(
            "Check units >=(\\d+) are healthy & run `resume-refresh` on (?:unit (\\d+)|leader)");
    private static final List<String> IN_PROGRESS = List.of("Refreshing", "Refresh incompatible",
            "Determining if a refresh is in progress");

    /** What to do next. */
    public enum Kind {
        /** The refresh is over. */
        DONE,
        /** Look again later. */
        WAIT,
        /** Run {@code resume-refresh} on {@link #unit()}. */
        RESUME,
        /** Stop: a person must look. */
        FAIL
    }

    /** Checks the parts. */
    public RefreshProgress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(unit, "unit");
    }

    /** Decides what to do with {@code app}, which is being refreshed to {@code target}. */
    public static RefreshProgress of(Application app, Target target) {
        String name = app.name();
        Optional<Unit> broken = app.units().stream().filter(Unit::inError).findFirst();
        if (broken.isPresent()) {
            return fail(unitInError(broken.get()));
        }
        String message = app.status().message();
        if (blocked(app.status().current()) && message.startsWith("Refresh incompatible")) {
            return fail("the refresh of '" + name + "' is blocked: " + message + ". Roll back as it says, or, if you"
                    + " are sure, force it with `juju run " + firstToRefresh(app) + " force-refresh-start"
                    + " check-compatibility=false` and run this command again");
        }
        Optional<Unit> checkFailed = app.units().stream()
                .filter(u -> blocked(u.workload().current()) && u.workload().message().contains("Pre-refresh check failed"))
                .findFirst();
        if (checkFailed.isPresent()) {
            return fail("the refresh of '" + name + "' is blocked on " + checkFailed.get().name() + ": "
                    + checkFailed.get().workload().message() + ". Roll back, or, if you are sure, force it with `juju run "
                    + checkFailed.get().name() + " force-refresh-start run-pre-refresh-checks=false` and run this"
                    + " command again");
        }
        Matcher paused = PAUSED.matcher(message);
        if (blocked(app.status().current()) && paused.find()) {
            return paused(app, Integer.parseInt(paused.group(1)), Optional.ofNullable(paused.group(2)));
        }
        if (inProgress(app)) {
            return new RefreshProgress(Kind.WAIT, "the refresh of '" + name + "' (" + progressShown(app) + ")",
                    Optional.empty());
        }
        if (!target.reachedBy(app)) {
            return new RefreshProgress(Kind.WAIT, "'" + name + "' to follow " + target.describe()
                    + " (now " + app.channel() + ", revision " + app.revision().orElse(-1) + ")", Optional.empty());
        }
        return new RefreshProgress(Kind.DONE, "", Optional.empty());
    }

    /** True when {@code app} shows any sign of a refresh under way (see the class comment). */
    public static boolean inProgress(Application app) {
        return IN_PROGRESS.stream().anyMatch(app.status().message()::startsWith)
                || app.units().stream().anyMatch(u -> u.upgradingFrom().isPresent()
                        || u.workload().message().contains("(outdated)")
                        || u.workload().message().contains("(restart pending)"));
    }

    /** The message for a unit in error, with what to do about it. */
    static String unitInError(Unit unit) {
        return "unit " + unit.name() + " is in error (" + (unit.workload().current().equals("error") ? unit.workload()
                : unit.agent()) + "); see `juju debug-log --include " + unit.name() + "`, fix it, run `juju resolve "
                + unit.name() + "`, then run this command again";
    }

    private static RefreshProgress paused(Application app, int healthyFrom, Optional<String> nextNumber) {
        String name = app.name();
        List<Unit> refreshed = app.units().stream().filter(u -> u.number() >= healthyFrom).toList();
        Optional<Unit> unhealthy = refreshed.stream().filter(u -> blocked(u.workload().current())).findFirst();
        if (unhealthy.isPresent()) {
            return fail("the refresh of '" + name + "' is paused and unit " + unhealthy.get().name()
                    + ", already refreshed, is not healthy (" + unhealthy.get().workload() + "). Check it; to go on"
                    + " anyway run `juju run " + next(app, nextNumber) + " resume-refresh`, or roll back: "
                    + app.status().message());
        }
        Optional<Unit> unsettled = refreshed.stream()
                .filter(u -> !u.idle() || !u.workload().current().equals("active")).findFirst();
        if (unsettled.isPresent()) {
            return new RefreshProgress(Kind.WAIT, "unit " + unsettled.get().name() + " to settle after its refresh ("
                    + unsettled.get().workload() + ", agent " + unsettled.get().agent().current() + ")",
                    Optional.empty());
        }
        return new RefreshProgress(Kind.RESUME, "", Optional.of(next(app, nextNumber)));
    }

    private static String next(Application app, Optional<String> number) {
        return number.map(n -> app.name() + "/" + n)
                .orElseGet(() -> app.leader().map(Unit::name).orElse(app.name() + "/leader"));
    }

    private static String firstToRefresh(Application app) {
        return app.units().isEmpty() ? app.name() + "/leader" : app.units().get(app.units().size() - 1).name();
    }

    private static String progressShown(Application app) {
        return app.status().message().isEmpty() ? app.status().current() : app.status().toString();
    }

    private static boolean blocked(String status) {
        return status.equals("blocked");
    }

    private static RefreshProgress fail(String detail) {
        return new RefreshProgress(Kind.FAIL, detail, Optional.empty());
    }
}
