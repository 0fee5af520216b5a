package dev.charms.reactive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs plans of recording actions; concurrency is arranged with latches, never with sleeps. */
class PlanRunnerTest {
    /** How long a test waits for something that should happen at once before it fails instead of hanging. */
    private static final long GUARD_SECONDS = 30;

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    private StepAction records(String name) {
        return context -> ran.add(name);
    }

    private StepAction fails(String message) {
        return context -> {
            throw new IOException(message);
        };
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("waited " + GUARD_SECONDS + " s for something that should have happened at once");
        }
    }

    @Test
    void runsAStepsActionBeforeItsChildrenInOrder() {
        Step plan = Step.builder("plan").action(records("plan"))
                .add(Step.builder("a").action(records("a")).add(Step.of("a1", records("a1"))).build())
                .add(Step.of("b", records("b")))
                .build();

        PlanResult result = PlanRunner.builder().build().run(plan);

        assertThat(ran).containsExactly("plan", "a", "a1", "b");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.COMPLETED);
        assertThat(result.signal()).isEmpty();
        assertThat(result.state(plan)).isEqualTo(StepState.DONE);
    }

    @Test
    void sequentialChildrenStopAtTheFirstFailure() {
        Step broken = Step.of("b", fails("disk full on db/0"));
        Step after = Step.builder("c").add(Step.of("c1", records("c1"))).build();
        Step plan = Step.builder("plan")
                .add(Step.of("a", records("a")))
                .add(broken)
                .add(after)
                .build();

        PlanResult result = PlanRunner.builder().build().run(plan);

        assertThat(ran).containsExactly("a");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.FAILED);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isSameAs(broken);
            assertThat(failure.message()).isEqualTo("disk full on db/0");
        });
        assertThat(result.state(plan)).isEqualTo(StepState.FAILED);
        assertThat(result.state(after)).isEqualTo(StepState.NOT_RUN);
        assertThat(result.state(after.children().get(0))).isEqualTo(StepState.NOT_RUN);
    }

    @Test
    void parallelChildrenAllRunAtOnceAndEveryFailureIsReported() {
        CyclicBarrier allThree = new CyclicBarrier(3);
        StepAction meetThen = context -> allThree.await(GUARD_SECONDS, TimeUnit.SECONDS);
        Step first = Step.builder("first").action(meetThen).add(Step.of("first.more", fails("first broke"))).build();
        Step second = Step.builder("second").action(meetThen).add(Step.of("second.more", records("second"))).build();
        Step third = Step.builder("third").action(meetThen).add(Step.of("third.more", fails("third broke"))).build();
        Step plan = Step.builder("plan")
                .add(Step.builder("group").parallel().add(first).add(second).add(third).build())
                .add(Step.of("after", records("after")))
                .build();

        PlanResult result = PlanRunner.builder().workers(3).build().run(plan);

        assertThat(ran).containsExactly("second");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.FAILED);
        assertThat(result.failures()).extracting(StepRecord::message)
                .containsExactlyInAnyOrder("first broke", "third broke");
        assertThat(result.state(second)).isEqualTo(StepState.DONE);
        assertThat(result.state(plan.children().get(1))).isEqualTo(StepState.NOT_RUN);
    }

    @Test
    void actionsRunOnNoMoreThreadsThanThereAreWorkers() {
        Step.Builder group = Step.builder("group").parallel();
        for (int i = 0; i < 12; i++) {
            group.add(Step.of("step " + i, context -> ran.add(Thread.currentThread().getName())));
        }

        PlanResult result = PlanRunner.builder().workers(2).build().run(group.build());

        assertThat(result.ending()).isEqualTo(PlanResult.Ending.COMPLETED);
        assertThat(ran).hasSize(12).allMatch(name -> name.equals("plan-step-1") || name.equals("plan-step-2"));
    }

    @Test
    void aHaltSkipsOnlyTheDependentStepsThatFollowIt() {
        Step halts = Step.builder("check machine 1").action(context -> {
            ran.add("check");
            throw new StepHalt("run do-release-upgrade on machine 1, then run the plan again");
        }).add(Step.of("inside the halted step", records("inside"))).build();
        Step complete = Step.builder("complete machine 1").action(records("complete")).dependent().build();
        Step waitUnits = Step.builder("wait for machine 1").action(records("wait")).dependent().build();
        Step other = Step.of("check machine 2", records("other"));
        Step afterOther = Step.builder("complete machine 2").action(records("afterOther")).dependent().build();
        Step plan = Step.builder("plan").add(halts).add(complete).add(waitUnits).add(other).add(afterOther).build();

        PlanResult result = PlanRunner.builder().build().run(plan);

        assertThat(ran).containsExactly("check", "other", "afterOther");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.COMPLETED);
        assertThat(result.halts()).singleElement().extracting(StepRecord::message)
                .isEqualTo("run do-release-upgrade on machine 1, then run the plan again");
        assertThat(result.state(halts.children().get(0))).isEqualTo(StepState.SKIPPED);
        assertThat(result.state(complete)).isEqualTo(StepState.SKIPPED);
        assertThat(result.state(waitUnits)).isEqualTo(StepState.SKIPPED);
        assertThat(result.state(plan)).isEqualTo(StepState.DONE);
    }

    @Test
    void nothingRunsWhenTheStartIsNotApproved() {
        Step plan = Step.builder("plan").add(Step.of("a", records("a"))).build();

        PlanResult result = PlanRunner.builder().approval(approval(false, step -> true)).build().run(plan);

        assertThat(ran).isEmpty();
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.NOT_APPROVED);
        assertThat(result.records()).isEmpty();
    }

    @Test
    void decliningAStepEndsTheRunBeforeIt() {
        Step db = Step.builder("Upgrade plan for 'db'").needsApproval().add(Step.of("refresh db", records("db"))).build();
        Step web = Step.builder("Upgrade plan for 'web'").needsApproval().add(Step.of("refresh web", records("web")))
                .build();
        Step cache = Step.builder("Upgrade plan for 'cache'").needsApproval()
                .add(Step.of("refresh cache", records("cache"))).build();
        List<String> asked = new ArrayList<>();
        Approval yesThenNo = approval(true, step -> {
            asked.add(step.description());
            return asked.size() == 1;
        });

        PlanResult result = PlanRunner.builder().approval(yesThenNo).build()
                .run(Step.builder("plan").add(db).add(web).add(cache).build());

        assertThat(ran).containsExactly("db");
        assertThat(asked).containsExactly("Upgrade plan for 'db'", "Upgrade plan for 'web'");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.DECLINED);
        assertThat(result.state(web)).isEqualTo(StepState.DECLINED);
        assertThat(result.state(web.children().get(0))).isEqualTo(StepState.NOT_RUN);
        assertThat(result.state(cache)).isEqualTo(StepState.NOT_RUN);
    }

    @Test
    void aFirstSignalLetsTheRunningStepFinishAndCancelsTheRest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Step running = Step.of("refresh db", startsThenWaitsFor(started, release));
        Step next = Step.builder("web").add(Step.of("refresh web", records("web"))).build();
        Interrupter interrupter = new Interrupter();
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        PlanListener listener = new PlanListener() {
            @Override
            public void stopRequested(StopSignal signal, Interrupter.Request request, List<Step> steps) {
                heard.add(signal + " " + request + " " + steps.stream().map(Step::description).toList());
            }
        };
        PlanRunner runner = PlanRunner.builder().interrupter(interrupter).listener(listener).build();

        CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(
                () -> runner.run(Step.builder("plan").add(running).add(next).build()));
        await(started);
        assertThat(interrupter.signal(StopSignal.SIGINT)).isEqualTo(Interrupter.Request.STOP_SAFELY);
        release.countDown();
        PlanResult result = run.get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("refresh db");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.STOPPED_SAFELY);
        assertThat(result.signal()).contains(StopSignal.SIGINT);
        assertThat(result.state(running)).isEqualTo(StepState.DONE);
        assertThat(result.state(next)).isEqualTo(StepState.CANCELED);
        assertThat(result.state(next.children().get(0))).isEqualTo(StepState.CANCELED);
        assertThat(heard).containsExactly("SIGINT STOP_SAFELY [refresh db]");
    }

    @Test
    void aSecondSignalInterruptsTheRunningStepsAtOnce() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        StepAction waitsForever = context -> {
            bothStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } finally {
                interrupted.countDown();
            }
        };
        Step first = Step.of("refresh db", waitsForever);
        Step second = Step.of("refresh web", waitsForever);
        Step after = Step.of("verify", records("verify"));
        Interrupter interrupter = new Interrupter();
        PlanRunner runner = PlanRunner.builder().interrupter(interrupter).workers(2).build();

        CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(() -> runner.run(
                Step.builder("plan").add(Step.builder("both").parallel().add(first).add(second).build()).add(after)
                        .build()));
        await(bothStarted);
        interrupter.signal(StopSignal.SIGTERM);
        assertThat(interrupter.signal(StopSignal.SIGINT)).isEqualTo(Interrupter.Request.STOP_NOW);
        PlanResult result = run.get(GUARD_SECONDS, TimeUnit.SECONDS);

        await(interrupted);
        assertThat(ran).isEmpty();
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.TERMINATED);
        assertThat(result.signal()).contains(StopSignal.SIGTERM);
        assertThat(result.terminated()).extracting(r -> r.step().description())
                .containsExactlyInAnyOrder("refresh db", "refresh web");
        assertThat(result.state(after)).isEqualTo(StepState.CANCELED);
    }

    @Test
    void aSignalWhileAQuestionWaitsForAnAnswerStopsAtOnce() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        Approval waitsForAnAnswer = approval(true, step -> {
            asking.countDown();
            new CountDownLatch(1).await();
            return true;
        });
        Step app = Step.builder("Upgrade plan for 'db'").needsApproval().add(Step.of("refresh db", records("db")))
                .build();
        Interrupter interrupter = new Interrupter();
        PlanRunner runner = PlanRunner.builder().approval(waitsForAnAnswer).interrupter(interrupter).build();

        CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(
                () -> runner.run(Step.builder("plan").add(Step.of("backup", records("backup"))).add(app).build()));
        await(asking);
        interrupter.signal(StopSignal.SIGINT);
        PlanResult result = run.get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("backup");
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.STOPPED_SAFELY);
        assertThat(result.state(app)).isEqualTo(StepState.CANCELED);
    }

    @Test
    void aQueuedParallelStepThatHasNotStartedIsCanceledByTheFirstSignal() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepAction blocks = startsThenWaitsFor(started, release);
        Step db = Step.of("refresh db", blocks);
        Step web = Step.of("refresh web", blocks);
        Interrupter interrupter = new Interrupter();
        PlanRunner runner = PlanRunner.builder().interrupter(interrupter).workers(1).build();

        CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(
                () -> runner.run(Step.builder("both").parallel().add(db).add(web).build()));
        await(started);
        interrupter.signal(StopSignal.SIGINT);
        release.countDown();
        PlanResult result = run.get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertThat(ran).hasSize(1);
        Step first = ran.get(0).equals("refresh db") ? db : web;
        Step queued = first == db ? web : db;
        assertThat(result.state(first)).isEqualTo(StepState.DONE);
        assertThat(result.state(queued)).isEqualTo(StepState.CANCELED);
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.STOPPED_SAFELY);
    }

    @Test
    void aSignalBeforeTheRunStartsRunsNothing() {
        Interrupter interrupter = new Interrupter();
        interrupter.signal(StopSignal.SIGTERM);
        Step plan = Step.builder("plan").add(Step.of("a", records("a"))).build();

        PlanResult result = PlanRunner.builder().interrupter(interrupter).build().run(plan);

        assertThat(ran).isEmpty();
        assertThat(result.ending()).isEqualTo(PlanResult.Ending.STOPPED_SAFELY);
        assertThat(result.signal()).contains(StopSignal.SIGTERM);
        assertThat(result.state(plan.children().get(0))).isEqualTo(StepState.CANCELED);
    }

    @Test
    void actionsReportProgressToTheListeners() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        PlanListener listener = new PlanListener() {
            @Override
            public void stepStarted(Step step) {
                heard.add("start " + step.description());
            }

            @Override
            public void stepMessage(Step step, String message) {
                heard.add(step.description() + ": " + message);
            }

            @Override
            public void stepFinished(StepRecord record) {
                heard.add(record.state() + " " + record.step().description());
            }

            @Override
            public void planFinished(PlanResult result) {
                heard.add("finished " + result.ending());
            }
        };
        Step plan = Step.builder("plan")
                .add(Step.of("refresh db", context -> context.log("resume-refresh on " + context.step().description())))
                .build();

        PlanRunner.builder().listener(listener).build().run(plan);

        assertThat(heard).containsExactly("start plan", "start refresh db", "refresh db: resume-refresh on refresh db",
                "DONE refresh db", "DONE plan", "finished COMPLETED");
    }

    /** An answer about one step. */
    private interface Answer {
        boolean approve(Step step) throws InterruptedException;
    }

    private static Approval approval(boolean start, Answer steps) {
        return new Approval() {
            @Override
            public boolean approveStart(Step plan) {
                return start;
            }

            @Override
            public boolean approveStep(Step step) throws InterruptedException {
                return steps.approve(step);
            }
        };
    }

    /** Signals {@code started}, waits for {@code release}, then records its step's description. */
    private StepAction startsThenWaitsFor(CountDownLatch started, CountDownLatch release) {
        return context -> {
            started.countDown();
            await(release);
            ran.add(context.step().description());
        };
    }
}
