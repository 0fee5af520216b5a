package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.juju.JujuCli;
import dev.charms.reactive.layers.juju.ModelStatus;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The checks before any plan: the model has what the request names, no unit is in error, and the model is idle
 * (every unit agent idle; blocked workloads are allowed, since a paused refresh is blocked). Every problem is
 * collected, then reported at once.
 */
public final class ModelChecks {
    private final JujuCli juju;
    private final Polling polling;

    /** Checks through {@code juju}, waiting for idle as {@code polling} says. */
    public ModelChecks(JujuCli juju, Polling polling) {
        this.juju = juju;
        this.polling = polling;
    }

    /**
     * Reads the model, refuses it if it cannot be upgraded as asked, and waits for it to be idle.
     *
     * @param progress told what is awaited
     * @return the model's status once it is idle
     * @throws LayerToolException listing every problem found, or saying the model did not become idle in time
     * @throws InterruptedException when interrupted while waiting
     */
    public ModelStatus check(UpgradeRequest request, Consumer<String> progress) throws Exception {
        AtomicReference<ModelStatus> last = new AtomicReference<>();
        Optional<String> busy = polling.await(() -> {
            ModelStatus status = juju.status();
            last.set(status);
            refuseProblems(status, request);
            return status.units().stream().filter(u -> !u.idle()).findFirst()
                    .map(u -> "unit " + u.name() + " to be idle (its agent is " + u.agent() + ")");
        }, progress);
        if (busy.isPresent()) {
            throw new LayerToolException("Model is not idle: waited " + polling.describeTimeout() + " for "
                    + busy.get() + ". Wait for it, or raise --timeout, then run the command again.");
        }
        return last.get();
    }

    /** Every reason {@code status} cannot be upgraded as {@code request} asks, for people; empty when none. */
    public static List<String> problems(ModelStatus status, UpgradeRequest request) {
        List<String> problems = new ArrayList<>();
        for (Target target : request.targets()) {
            if (!status.applications().containsKey(target.application())) {
                problems.add("--target names no application of the model: '" + target.application() + "'"
                        + Suggestions.didYouMean(target.application(), status.applications().keySet()));
            }
        }
        for (String application : request.expectedVersions().keySet()) {
            if (request.targets().stream().noneMatch(t -> t.application().equals(application))) {
                problems.add("--expect-version names '" + application + "', which has no --target");
            }
        }
        for (SeriesTarget target : request.seriesUpgrades()) {
            ModelStatus.Machine machine = status.machines().get(target.machine());
            if (machine == null) {
                problems.add("--series-upgrade names no machine of the model: '" + target.machine() + "' (machines: "
                        + String.join(", ", status.machines().keySet()) + ")");
            } else if (!machine.base().isEmpty() && newer(machine.base(), target.base())) {
                problems.add("machine " + target.machine() + " runs " + machine.base() + ", newer than "
                        + target.base());
            }
        }
        status.units().stream().filter(Unit::inError).forEach(u -> problems.add(RefreshProgress.unitInError(u)));
        return problems;
    }

    private static void refuseProblems(ModelStatus status, UpgradeRequest request) {
        List<String> problems = problems(status, request);
        if (!problems.isEmpty()) {
            throw new LayerToolException("Model '" + status.model() + "' is not ready for this upgrade:\n  - "
                    + String.join("\n  - ", problems) + "\nFix these, then run the command again.");
        }
    }

    /** True when base {@code current} (ubuntu@24.04) has a higher version than {@code target} of the same OS. */
    private static boolean newer(String current, String target) {
        String[] now = current.split("@", 2);
        String[] wanted = target.split("@", 2);
        if (now.length < 2 || !now[0].equals(wanted[0])) {
            return false;
        }
        return Double.parseDouble(now[1].replaceAll("[^0-9.].*", "")) > Double.parseDouble(wanted[1]);
    }
}
