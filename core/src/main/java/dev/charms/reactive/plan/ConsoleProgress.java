package dev.charms.reactive.plan;

import java.io.PrintWriter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a run on a terminal, line by line (so it reads the same in a log or a CI job):
 * <pre>
 * [2/7] Refresh 'db' to 14/stable
 *       db: resume-refresh on db/1
 * [2/7] done in 41 s: Refresh 'db' to 14/stable
 * Upgrade plan for 'db' to 14/stable executed in 95 seconds
 * </pre>
 * Each step with an action is numbered when it starts, out of all such steps in the plan; it ends {@code done},
 * {@code failed}, {@code halted}, {@code terminated} or {@code canceled}. Steps that need approval report their
 * total time. Skipped dependent steps and stop requests are announced. Thread-safe.
 */
public final class ConsoleProgress implements PlanListener {
    private final PrintWriter out;
    private final String noun;
    private final Map<Step, Integer> numbers = new IdentityHashMap<>();
    private int total;

    /**
     * @param out the terminal
     * @param noun what the plan does, for the stop messages: {@code "upgrade"}
     */
    public ConsoleProgress(PrintWriter out, String noun) {
        this.out = out;
        this.noun = noun;
    }

    @Override
    public synchronized void planStarted(Step plan) {
        total = plan.actionCount();
    }

    @Override
    public synchronized void stepStarted(Step step) {
        if (step.action().isPresent()) {
            numbers.put(step, numbers.size() + 1);
            print(counter(step) + step.description());
        }
    }

    @Override
    public synchronized void stepMessage(Step step, String message) {
        print("      " + message);
    }

    @Override
    public synchronized void stepFinished(StepRecord record) {
        Step step = record.step();
        String description = step.description();
        if (!numbers.containsKey(step)) {
            if (record.state() == StepState.DONE && step.needsApproval()) {
                print(description + " executed in " + record.duration().toSeconds() + " seconds");
            } else if (record.state() == StepState.SKIPPED && step.dependent()) {
                print("Skipping dependent step: " + description);
            }
            return;
        }
        switch (record.state()) {
            case DONE -> print(counter(step) + "done in " + record.duration().toSeconds() + " s: " + description);
            case FAILED -> print(counter(step) + "failed: " + description
                    + (record.message().isEmpty() ? "" : ": " + record.message()));
            case HALTED -> print(counter(step) + "halted: " + description + ": " + record.message());
            case TERMINATED -> print(counter(step) + "terminated: " + description);
            default -> print(counter(step) + record.state().toString().toLowerCase(Locale.ROOT) + ": "
                    + description);
        }
    }

    @Override
    public synchronized void stopRequested(StopSignal signal, Interrupter.Request request, List<Step> running) {
        if (request == Interrupter.Request.STOP_SAFELY) {
            print("Canceling the " + noun + " (" + signal + "): the running steps finish, no new step starts."
                    + " Press Ctrl+C again to stop them at once.");
        } else {
            print("Stopping the " + noun + " at once (" + signal + "): interrupting "
                    + (running.isEmpty() ? "nothing, no step is running"
                            : String.join(", ", running.stream().map(s -> "'" + s.description() + "'").toList()))
                    + ".");
        }
    }

    private String counter(Step step) {
        return "[" + numbers.get(step) + "/" + total + "] ";
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
