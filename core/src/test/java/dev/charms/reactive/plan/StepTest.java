package dev.charms.reactive.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepTest {
    private static final StepAction NOTHING = context -> { };

    @Test
    void rendersTheTreeWithATabPerLevelAndMarksParallelAndDependentSteps() {
        Step plan = Step.builder("Upgrade model 'prod'")
                .add(Step.of("Verify that the model is idle", NOTHING))
                .add(Step.builder("Back up the databases").parallel()
                        .add(Step.of("Back up 'db'", NOTHING))
                        .add(Step.of("Back up 'cache'", NOTHING))
                        .build())
                .add(Step.builder("Upgrade machine '1' to ubuntu@24.04").needsApproval()
                        .add(Step.of("Prepare machine '1'", NOTHING))
                        .add(Step.builder("Complete machine '1'").action(NOTHING).dependent().build())
                        .build())
                .build();

        assertThat(plan.render()).isEqualTo("""
                Upgrade model 'prod'
                \tVerify that the model is idle
                \tBack up the databases
                \t\tΨ Back up 'db'
                \t\tΨ Back up 'cache'
                \tUpgrade machine '1' to ubuntu@24.04
                \t\tPrepare machine '1'
                \t\t├── Complete machine '1'
                """);
        assertThat(plan.toString()).isEqualTo(plan.render());
        assertThat(plan.actionCount()).isEqualTo(5);
    }

    @Test
    void aStepWithNothingToRunIsNotAddedButWhatWasAlreadyDoneIsKept() {
        Step app = Step.builder("Upgrade plan for 'db'")
                .addUnless(true, "'db' is already at revision 432", () -> {
                    throw new AssertionError("a step already done is not even built");
                })
                .build();
        Step plan = Step.builder("Upgrade model 'prod'")
                .add(app)
                .add(Step.builder("An empty group").build())
                .addUnless(false, "never shown", () -> Step.of("Refresh 'web'", NOTHING))
                .build();

        assertThat(app.isEmpty()).isTrue();
        assertThat(plan.children()).extracting(Step::description).containsExactly("Refresh 'web'");
        assertThat(plan.alreadyDone()).containsExactly("'db' is already at revision 432");
        assertThat(plan.render()).isEqualTo("Upgrade model 'prod'\n\tRefresh 'web'\n");
    }

    @Test
    void aPlanWhoseStepsAreAllDoneIsEmpty() {
        Step plan = Step.builder("Upgrade model 'prod'")
                .addUnless(true, "'db' is already at revision 432", () -> Step.of("Refresh 'db'", NOTHING))
                .build();

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.actionCount()).isZero();
    }

    @Test
    void aStepNeedsAOneLineDescription() {
        assertThatThrownBy(() -> Step.builder(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step needs a one-line description, got \" \"");
        assertThatThrownBy(() -> Step.of("two\nlines", NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step needs a one-line description, got \"two\nlines\"");
    }
}
