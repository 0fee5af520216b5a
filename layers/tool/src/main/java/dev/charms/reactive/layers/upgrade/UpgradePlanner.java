package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.juju.ActionResult;
import dev.charms.reactive.layers.juju.JujuCli;
import dev.charms.reactive.layers.juju.ModelStatus;
import dev.charms.reactive.layers.juju.ModelStatus.Application;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import dev.charms.reactive.plan.Step;
import dev.charms.reactive.plan.StepContext;
import dev.charms.reactive.plan.StepHalt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the upgrade plan of a model from what it looks like now, leaving out what is already done, so that
 * running the plan again after an interruption or a failure resumes it. Every step's action reads the model
 * again when it runs; nothing is taken from the status the plan was built from.
 *
 * <pre>
 * Upgrade model 'prod'
 * 	Upgrade plan for 'db' to 14/stable                         (asked before it runs)
 * 		Back up 'db' with create-backup on db/0                   (if the charm has that action)
 * 		Refresh 'db' to 14/stable                                 (juju refresh)
 * 		Follow the refresh of 'db', running resume-refresh ...    (if the charm uses the refresh layer)
 * 		Wait for 'db' to be idle
 * 		Verify the workload version of 'db'
 * 	Upgrade machine '1' to ubuntu@24.04                        (asked before it runs)
 * 		Prepare machine '1' for ubuntu@24.04                      (juju upgrade-machine 1 prepare)
 * 		Check that machine '1' runs ubuntu@24.04                  (halts until the operator upgraded the OS)
 * 		├── Complete the upgrade of machine '1' to ubuntu@24.04   (juju upgrade-machine 1 complete)
 * 		├── Wait for the units on machine '1' to be idle
 * </pre>
 *
 * What counts as done, so left out: an application that follows its target, shows no refresh under way, is
 * idle and reports the expected workload version; its backup and refresh once the target is reached; a machine
 * already on its base; its prepare step once Juju shows it prepared. A backup leaves no trace in the model, so
 * a run stopped between an application's backup and its refresh takes the backup again when resumed.
 */
public final class UpgradePlanner {
    /** The refresh layer's action that resumes a paused refresh: its presence marks a charm using the layer. */
    public static final String RESUME_REFRESH = "resume-refresh";
    /** The action a charm offers to take a backup before an upgrade. */
    public static final String CREATE_BACKUP = "create-backup";

    private static final Set<String> PREPARED = Set.of("prepare completed", "complete started", "complete running",
            "completed");

    private final JujuCli juju;
    private final Polling polling;

    /** Builds plans whose steps act through {@code juju} and wait as {@code polling} says. */
    public UpgradePlanner(JujuCli juju, Polling polling) {
        this.juju = juju;
        this.polling = polling;
    }

    /**
     * The plan for {@code request} on the model as {@code status} shows it; {@link Step#isEmpty() empty} when all
     * is done. Lists each target application's actions with {@code juju actions}.
     */
    public Step plan(ModelStatus status, UpgradeRequest request) {
        Step.Builder plan = Step.builder("Upgrade model '" + status.model() + "'");
        for (Target target : request.targets()) {
            Application app = status.application(target.application());
            Set<String> actions = juju.actions(app.name());
            Optional<String> expected = Optional.ofNullable(request.expectedVersions().get(app.name()));
            boolean idle = app.units().stream().allMatch(Unit::idle);
            boolean done = target.reachedBy(app) && !RefreshProgress.inProgress(app) && idle
                    && versionProblem(app, expected).isEmpty();
            plan.addUnless(done, "'" + app.name() + "' is at " + target.describe() + ", idle, with workload version "
                    + app.version(), () -> application(app, target, actions, expected, request.backup()));
        }
        for (SeriesTarget target : request.seriesUpgrades()) {
            ModelStatus.Machine machine = status.machines().get(target.machine());
            plan.addUnless(machine.base().equals(target.base()), "machine '" + target.machine() + "' runs "
                    + target.base(), () -> machine(machine, target));
        }
        return plan.build();
    }

    private Step application(Application app, Target target, Set<String> actions, Optional<String> expected,
            boolean backup) {
        String name = app.name();
        boolean reached = target.reachedBy(app);
        boolean refreshing = RefreshProgress.inProgress(app);
        Step.Builder plan = Step.builder("Upgrade plan for '" + name + "' to " + target.describe()).needsApproval();
        Optional<Unit> leader = app.leader().or(() -> app.units().stream().findFirst());
        if (!reached && backup && actions.contains(CREATE_BACKUP) && leader.isPresent()) {
            String unit = leader.get().name();
            plan.add(Step.of("Back up '" + name + "' with " + CREATE_BACKUP + " on " + unit,
                    context -> runAction(context, unit, CREATE_BACKUP)));
        }
        plan.addUnless(reached, "'" + name + "' follows " + target.describe(), () -> Step.of(
                "Refresh '" + name + "' to " + target.describe(),
                context -> juju.refresh(name, target.channel(), target.revision())));
        if (actions.contains(RESUME_REFRESH) && (!reached || refreshing)) {
            plan.add(Step.of("Follow the refresh of '" + name + "' unit by unit, running " + RESUME_REFRESH
                    + " when it pauses", context -> followRefresh(context, name, target)));
        }
        boolean idle = app.units().stream().allMatch(Unit::idle);
        if (!reached || refreshing || !idle) {
            plan.add(Step.of("Wait for '" + name + "' to be idle",
                    context -> awaitIdle(context, "'" + name + "'", unit -> unit.name().startsWith(name + "/"))));
        }
        plan.add(Step.of("Verify the workload version of '" + name + "'" + expected.map(v -> " is " + v).orElse(""),
                context -> verifyVersion(name, expected)));
        return plan.build();
    }

    private Step machine(ModelStatus.Machine machine, SeriesTarget target) {
        String id = target.machine();
        String base = target.base();
        return Step.builder("Upgrade machine '" + id + "' to " + base).needsApproval()
                .addUnless(PREPARED.contains(machine.status().current()), "machine '" + id + "' is prepared for "
                        + base, () -> Step.of("Prepare machine '" + id + "' for " + base,
                                context -> juju.prepareMachine(id, base)))
                .add(Step.of("Check that machine '" + id + "' runs " + base, context -> checkOperatingSystem(target)))
                .add(Step.builder("Complete the upgrade of machine '" + id + "' to " + base)
                        .action(context -> juju.completeMachine(id)).dependent().build())
                .add(Step.builder("Wait for the units on machine '" + id + "' to be idle")
                        .action(context -> awaitIdle(context, "the units on machine '" + id + "'",
                                unit -> unit.machine().equals(id)))
                        .dependent().build())
                .build();
    }

    private void runAction(StepContext context, String unit, String action) {
        ActionResult result = juju.run(unit, action, Map.of());
        if (!result.succeeded()) {
            throw new LayerToolException(action + " on " + unit + " " + result.status() + ": " + result.summary());
        }
        context.log(action + " on " + unit + ": " + result.summary());
    }

    private void followRefresh(StepContext context, String name, Target target) throws Exception {
        Optional<String> timedOut = polling.await(() -> lookAtRefresh(context, name, target), context::log);
        timedOut.ifPresent(waiting -> {
            throw new LayerToolException("timed out after " + polling.describeTimeout() + " waiting for " + waiting
                    + "; look at `juju status " + name + "`, then run this command again (or raise --timeout)");
        });
    }

    /** One look at a refresh: empty when it is over, else what it waits for; resumes it when it is paused. */
    private Optional<String> lookAtRefresh(StepContext context, String name, Target target) {
        RefreshProgress progress = RefreshProgress.of(juju.status().application(name), target);
        return switch (progress.kind()) {
            case DONE -> Optional.empty();
            case WAIT -> Optional.of(progress.detail());
            case FAIL -> throw new LayerToolException(progress.detail());
            case RESUME -> {
                String unit = progress.unit().orElseThrow();
                context.log("the refreshed units of '" + name + "' are healthy: running " + RESUME_REFRESH + " on "
                        + unit);
                runAction(context, unit, RESUME_REFRESH);
                yield Optional.of("the refresh of '" + name + "' to go on after " + RESUME_REFRESH);
            }
        };
    }

    /**
     * Waits until the units {@code which} selects have idle agents on two looks in a row, none in error and none
     * still running the old charm.
     */
    private void awaitIdle(StepContext context, String what, Predicate<Unit> which) throws Exception {
        AtomicInteger idleLooks = new AtomicInteger();
        Optional<String> timedOut = polling.await(() -> {
            List<Unit> units = juju.status().units().stream().filter(which).toList();
            Optional<Unit> broken = units.stream().filter(Unit::inError).findFirst();
            if (broken.isPresent()) {
                throw new LayerToolException(RefreshProgress.unitInError(broken.get()));
            }
            Optional<Unit> busy = units.stream().filter(u -> !u.idle() || u.upgradingFrom().isPresent()).findFirst();
            if (busy.isPresent()) {
                idleLooks.set(0);
                return Optional.of("unit " + busy.get().name() + " to be idle (agent " + busy.get().agent().current()
                        + busy.get().upgradingFrom().map(from -> ", still running " + from).orElse("") + ")");
            }
            return idleLooks.incrementAndGet() >= 2 ? Optional.empty() : Optional.of(what + " to stay idle");
        }, context::log);
        timedOut.ifPresent(waiting -> {
            throw new LayerToolException("timed out after " + polling.describeTimeout() + " waiting for " + waiting
                    + "; look at `juju status`, then run this command again (or raise --timeout)");
        });
    }

    private void verifyVersion(String name, Optional<String> expected) {
        versionProblem(juju.status().application(name), expected).ifPresent(problem -> {
            throw new LayerToolException(problem);
        });
    }

    /**
     * Why {@code app}'s workload version is not right: not {@code expected} on some unit, or, with nothing
     * expected, not one version on all units. Units that report none are judged by the application's version.
     */
    static Optional<String> versionProblem(Application app, Optional<String> expected) {
        Map<String, String> versions = app.units().stream().collect(Collectors.toMap(Unit::name,
                u -> u.workloadVersion().isEmpty() ? app.version() : u.workloadVersion(), (a, b) -> a,
                TreeMap::new));
        if (expected.isPresent()) {
            List<String> wrong = versions.entrySet().stream().filter(e -> !e.getValue().equals(expected.get()))
                    .map(e -> e.getKey() + " reports " + (e.getValue().isEmpty() ? "none" : e.getValue())).toList();
            return wrong.isEmpty() ? Optional.empty() : Optional.of("the workload version of '" + app.name()
                    + "' is not " + expected.get() + ": " + String.join(", ", wrong));
        }
        Set<String> distinct = new TreeSet<>(versions.values());
        if (distinct.size() > 1) {
            return Optional.of("the units of '" + app.name() + "' report different workload versions: " + versions);
        }
        return Optional.empty();
    }

    private void checkOperatingSystem(SeriesTarget target) throws StepHalt {
        String release = juju.exec(target.machine(), List.of("cat", "/etc/os-release"));
        Map<String, String> fields = release.lines().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1).replace("\"", ""), (a, b) -> a));
        String running = fields.getOrDefault("ID", "?") + "@" + fields.getOrDefault("VERSION_ID", "?");
        if (!running.equals(target.base())) {
            String id = target.machine();
            throw new StepHalt("machine " + id + " runs " + running + ", not yet " + target.base() + ". Upgrade its"
                    + " operating system (`juju ssh " + id + " -- sudo do-release-upgrade`, then `juju ssh " + id
                    + " -- sudo reboot`), then run this command again to complete the upgrade of the machine");
        }
    }
}
