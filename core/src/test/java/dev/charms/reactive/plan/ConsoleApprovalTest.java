package dev.charms.reactive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The questions and answers exactly as the operator sees them. */
class ConsoleApprovalTest {
    private static final Step APP = Step.builder("Upgrade plan for 'db' to 14/stable").needsApproval()
            .add(Step.of("Refresh 'db' to 14/stable", context -> { }))
            .build();

    private final StringWriter printed = new StringWriter();

    private ConsoleApproval answering(String input) {
        return new ConsoleApproval(new StringReader(input), new PrintWriter(printed), "upgrade");
    }

    @Test
    void theStartIsApprovedOnlyByYes() throws InterruptedException {
        assertThat(answering("y\n").approveStart(APP)).isTrue();
        assertThat(answering("YES\n").approveStart(APP)).isTrue();
        assertThat(answering("n\n").approveStart(APP)).isFalse();
        assertThat(printed.toString()).isEqualTo("Would you like to start the upgrade? Continue (y/N): ".repeat(3));
    }

    @Test
    void theStartDefaultsToNo() throws InterruptedException {
        assertThat(answering("\n").approveStart(APP)).isFalse();
        assertThat(answering("").approveStart(APP)).isFalse();
        assertThat(printed.toString()).isEqualTo("Would you like to start the upgrade? Continue (y/N): "
                + "Would you like to start the upgrade? Continue (y/N): \n");
    }

    @Test
    void anInvalidAnswerToTheStartExitsWithoutStarting() throws InterruptedException {
        assertThat(answering("sure\ny\n").approveStart(APP)).isFalse();
        assertThat(printed.toString()).isEqualTo("Would you like to start the upgrade? Continue (y/N): "
                + "No valid input provided! Exiting without starting the upgrade.\n");
    }

    @Test
    void aStepIsShownAndAskedAgainUntilTheAnswerIsYesOrNo() throws InterruptedException {
        ConsoleApproval approval = answering("maybe\n\nY\nno\n");

        assertThat(approval.approveStep(APP)).isTrue();
        assertThat(approval.approveStep(APP)).isFalse();
        String question = "Upgrade plan for 'db' to 14/stable\n\tRefresh 'db' to 14/stable\nContinue (y/n): ";
        assertThat(printed.toString()).isEqualTo(question + "No valid input provided!\n" + question
                + "No valid input provided!\n" + question + question);
    }

    @Test
    void theEndOfTheInputIsNoToEveryQuestion() throws InterruptedException {
        ConsoleApproval approval = answering("y\n");

        assertThat(approval.approveStep(APP)).isTrue();
        assertThat(approval.approveStep(APP)).isFalse();
        assertThat(approval.approveStep(APP)).isFalse();
        assertThat(approval.approveStart(APP)).isFalse();
    }
}
