package dev.charms.reactive.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link Step} tree: asks before starting and before each step that needs approval, runs actions on a
 * bounded pool of worker threads, and stops only between steps.
 *
 * <pre>{@code
 * Interrupter interrupter = new Interrupter();      // a signal handler calls interrupter.signal(...)
 * PlanResult result = PlanRunner.builder()
 *         .approval(new ConsoleApproval(stdin, stdout, "upgrade"))
 *         .interrupter(interrupter)
 *         .listener(executionLog)
 *         .build()
 *         .run(plan);
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A step's action runs before its children. Sequential children run in order; the first that fails (or is
 *       declined, canceled or terminated) ends the group, and the steps after it do not run. Parallel children all
 *       run, at most {@link Builder#workers(int) workers} actions at a time, and every failure among them is
 *       recorded.
 *   <li>A step whose action throws {@link StepHalt} ends {@link StepState#HALTED}; its children and the dependent
 *       steps right after it are {@link StepState#SKIPPED}; the next independent sibling runs.
 *   <li>The first {@link Interrupter#signal signal} lets the running actions finish and cancels every step not
 *       yet started, including a question waiting for an answer: the run ends {@link PlanResult.Ending#STOPPED_SAFELY}.
 *       A second one interrupts the running actions and returns as soon as they ended, or after the
 *       {@link Builder#terminationGrace termination grace} for those that ignore interrupts:
 *       {@link PlanResult.Ending#TERMINATED}.
 * </ul>
 * The thread calling {@link #run} only coordinates; stop a run through its {@link Interrupter}, not by
 * interrupting that thread. Listeners hear every step start and end ({@link PlanListener}).
 */
public final class PlanRunner {
    private final Approval approval;
    private final Interrupter interrupter;
    private final PlanListener listener;
    private final int workers;
    private final Clock clock;
    private final Duration terminationGrace;

    private PlanRunner(Builder builder) {
        this.approval = builder.approval;
        this.interrupter = builder.interrupter;
        this.listener = PlanListener.all(builder.listeners);
        this.workers = builder.workers;
        this.clock = builder.clock;
        this.terminationGrace = builder.terminationGrace;
    }

    /**
     * A builder: automatic approval, a fresh interrupter, no listener, four workers, the system clock, five
     * seconds of termination grace.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code plan} to its end, or until stopped; never throws for a failing step. */
    public PlanResult run(Step plan) {
        return new Run().run(plan);
    }

    /** Configures a {@link PlanRunner}. */
    public static final class Builder {
        private Approval approval = Approval.automatic();
        private Interrupter interrupter = new Interrupter();
        private final List<PlanListener> listeners = new ArrayList<>();
        private int workers = 4;
        private Clock clock = Clock.systemUTC();
        private Duration terminationGrace = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Who approves the start and the steps that need approval. */
        public Builder approval(Approval value) {
            this.approval = Objects.requireNonNull(value, "approval");
            return this;
        }

        /** The token the signal handlers call. */
        public Builder interrupter(Interrupter value) {
            this.interrupter = Objects.requireNonNull(value, "interrupter");
            return this;
        }

        /** Adds a listener; listeners are told in the order added. */
        public Builder listener(PlanListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** At most this many actions run at the same time (at least 1). */
        public Builder workers(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("a plan runner needs at least one worker, got " + value);
            }
            this.workers = value;
            return this;
        }

        /** Measures how long steps take. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * After a second signal, how long {@link #run} waits for the interrupted actions to end (a command they ran
         * to be killed, say) before returning anyway. An action that honours interrupts ends at once; without this
         * wait the process could exit first and leave that command running.
         */
        public Builder terminationGrace(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("the termination grace cannot be negative, got " + value);
            }
            this.terminationGrace = value;
            return this;
        }

        /** The runner. */
        public PlanRunner build() {
            return new PlanRunner(this);
        }
    }

    /** An answer to a question, or why there was none. */
    private enum Answer { YES, NO, STOPPED, DECLINED_BEFORE }

    /** Thrown inside a worker when a stop came after the action was queued but before it started. */
    private static final class NotStarted extends Exception {
        private static final long serialVersionUID = 1L;

        NotStarted() {
            super(null, null, false, false);
        }
    }

    /** How an action ended. */
    private record ActionEnd(StepState state, Optional<Throwable> error) {
    }

    /** One run: its threads, what is running, and the records so far. */
    private final class Run {
        private final ExecutorService actions = Executors.newFixedThreadPool(workers, daemonThreads("plan-step"));
        private final ExecutorService branches = Executors.newCachedThreadPool(daemonThreads("plan-branch"));
        private final List<StepRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final Map<Future<?>, Step> running = new ConcurrentHashMap<>();
        private final Set<Thread> asking = ConcurrentHashMap.newKeySet();
        private final Object oneQuestionAtATime = new Object();
        private volatile boolean declined;

        PlanResult run(Step plan) {
            Runnable unsubscribe = interrupter.subscribe(this::onSignal);
            try {
                listener.planStarted(plan);
                PlanResult.Ending ending = switch (ask(plan, true)) {
                    case NO, DECLINED_BEFORE -> PlanResult.Ending.NOT_APPROVED;
                    case STOPPED -> ending(notStarted(plan, StepState.CANCELED));
                    case YES -> ending(step(plan));
                };
                PlanResult result = new PlanResult(ending, interrupter.firstSignal(), records);
                listener.planFinished(result);
                return result;
            } finally {
                unsubscribe.run();
                actions.shutdownNow();
                branches.shutdownNow();
                if (interrupter.stopNowRequested()) {
                    awaitInterruptedActions();
                }
            }
        }

        private void awaitInterruptedActions() {
            try {
                actions.awaitTermination(terminationGrace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private PlanResult.Ending ending(StepState state) {
            if (interrupter.stopNowRequested()) {
                return PlanResult.Ending.TERMINATED;
            }
            if (interrupter.stopRequested()) {
                return PlanResult.Ending.STOPPED_SAFELY;
            }
            if (declined) {
                return PlanResult.Ending.DECLINED;
            }
            return state == StepState.FAILED ? PlanResult.Ending.FAILED : PlanResult.Ending.COMPLETED;
        }

        /** Tells the listeners first, so what they print comes before the ends of the steps it stops. */
        private void onSignal(StopSignal signal, Interrupter.Request request) {
            listener.stopRequested(signal, request, List.copyOf(running.values()));
            asking.forEach(Thread::interrupt);
            if (request == Interrupter.Request.STOP_NOW) {
                running.keySet().forEach(future -> future.cancel(true));
            }
        }

        /** Runs {@code step} and its children; returns how it ended (never {@link StepState#SKIPPED}). */
        private StepState step(Step step) {
            if (interrupter.stopRequested()) {
                return notStarted(step, StepState.CANCELED);
            }
            if (declined) {
                return notStarted(step, StepState.NOT_RUN);
            }
            if (step.needsApproval()) {
                switch (ask(step, false)) {
                    case STOPPED:
                        return notStarted(step, StepState.CANCELED);
                    case DECLINED_BEFORE:
                        return notStarted(step, StepState.NOT_RUN);
                    case NO:
                        declined = true;
                        step.children().forEach(child -> notStarted(child, StepState.NOT_RUN));
                        return finish(step, StepState.DECLINED, Optional.empty(), Duration.ZERO);
                    case YES:
                        break;
                }
            }
            Instant start = clock.instant();
            listener.stepStarted(step);
            ActionEnd end = step.action().isPresent()
                    ? action(step)
                    : new ActionEnd(StepState.DONE, Optional.empty());
            StepState state = end.state();
            if (state == StepState.DONE) {
                state = step.parallel() ? parallel(step.children()) : sequential(step.children());
            } else {
                StepState children = switch (state) {
                    case HALTED -> StepState.SKIPPED;
                    case CANCELED, TERMINATED -> StepState.CANCELED;
                    default -> StepState.NOT_RUN;
                };
                step.children().forEach(child -> notStarted(child, children));
            }
            return finish(step, state, end.error(), Duration.between(start, clock.instant()));
        }

        private StepState sequential(List<Step> children) {
            boolean halted = false;
            for (int i = 0; i < children.size(); i++) {
                Step child = children.get(i);
                if (child.dependent() && halted) {
                    notStarted(child, StepState.SKIPPED);
                    continue;
                }
                StepState state = step(child);
                if (state == StepState.HALTED) {
                    halted = true;
                } else if (!child.dependent()) {
                    halted = false;
                }
                if (state != StepState.DONE && state != StepState.HALTED) {
                    StepState rest = interrupter.stopRequested() ? StepState.CANCELED : StepState.NOT_RUN;
                    children.subList(i + 1, children.size()).forEach(later -> notStarted(later, rest));
                    return state;
                }
            }
            return StepState.DONE;
        }

        private StepState parallel(List<Step> children) {
            List<Future<StepState>> futures = new ArrayList<>();
            for (Step child : children) {
                futures.add(branches.submit(() -> step(child)));
            }
            List<StepState> states = new ArrayList<>();
            for (Future<StepState> future : futures) {
                try {
                    states.add(awaitUninterruptibly(future));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a branch of the plan crashed", e.getCause());
                }
            }
            for (StepState worst : List.of(StepState.FAILED, StepState.TERMINATED, StepState.DECLINED,
                    StepState.CANCELED, StepState.NOT_RUN)) {
                if (states.contains(worst)) {
                    return worst;
                }
            }
            return StepState.DONE;
        }

        private ActionEnd action(Step step) {
            StepAction action = step.action().orElseThrow();
            StepContext context = new Context(step);
            AtomicBoolean started = new AtomicBoolean();
            FutureTask<Void> future = new FutureTask<>(() -> {
                if (interrupter.stopRequested()) {
                    throw new NotStarted();
                }
                started.set(true);
                action.run(context);
                return null;
            });
            // Listed as running before it can start, so a signal arriving once it has started always sees it.
            running.put(future, step);
            if (interrupter.stopNowRequested()) {
                future.cancel(true);
            }
            actions.execute(future);
            try {
                awaitUninterruptibly(future);
                return new ActionEnd(StepState.DONE, Optional.empty());
            } catch (CancellationException e) {
                return new ActionEnd(started.get() ? StepState.TERMINATED : StepState.CANCELED, Optional.empty());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof NotStarted) {
                    return new ActionEnd(StepState.CANCELED, Optional.empty());
                }
                return new ActionEnd(cause instanceof StepHalt ? StepState.HALTED : StepState.FAILED,
                        Optional.of(cause));
            } finally {
                running.remove(future);
            }
        }

        /** Asks about the start ({@code start}) or about {@code step}, one question at a time. */
        private Answer ask(Step step, boolean start) {
            synchronized (oneQuestionAtATime) {
                Thread self = Thread.currentThread();
                asking.add(self);
                try {
                    if (interrupter.stopRequested()) {
                        return Answer.STOPPED;
                    }
                    if (declined) {
                        return Answer.DECLINED_BEFORE;
                    }
                    boolean yes = start ? approval.approveStart(step) : approval.approveStep(step);
                    if (interrupter.stopRequested()) {
                        return Answer.STOPPED;
                    }
                    return yes ? Answer.YES : Answer.NO;
                } catch (InterruptedException e) {
                    return Answer.STOPPED;
                } finally {
                    asking.remove(self);
                    Thread.interrupted();
                }
            }
        }

        /** Records {@code step} and everything below it as {@code state} without running any of it. */
        private StepState notStarted(Step step, StepState state) {
            step.children().forEach(child -> notStarted(child, state));
            return finish(step, state, Optional.empty(), Duration.ZERO);
        }

        private StepState finish(Step step, StepState state, Optional<Throwable> error, Duration duration) {
            StepRecord record = new StepRecord(step, state, error, duration);
            records.add(record);
            listener.stepFinished(record);
            return state;
        }

        private final class Context implements StepContext {
            private final Step step;

            Context(Step step) {
                this.step = step;
            }

            @Override
            public Step step() {
                return step;
            }

            @Override
            public void log(String message) {
                listener.stepMessage(step, message);
            }
        }
    }

    /**
     * Waits for {@code future}, ignoring interrupts of the coordinating thread (a run is stopped through its
     * interrupter) and restoring the interrupt flag afterwards.
     */
    private static <T> T awaitUninterruptibly(Future<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
