package dev.charms.reactive.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One step of a plan: a description a person reads before approving, an optional {@link StepAction}, and
 * children. Immutable; build one with {@link #builder(String)} or {@link #of(String, StepAction)}.
 *
 * <pre>{@code
 * Step plan = Step.builder("Upgrade model 'prod'")
 *         .add(Step.builder("Upgrade plan for 'db'").needsApproval()
 *                 .add(Step.of("Refresh 'db' to 14/stable", refreshDb))
 *                 .add(Step.of("Wait for 'db' to be idle", waitForDb))
 *                 .build())
 *         .addUnless(web.atTarget(), "'web' is already at revision 42", () -> webPlan)
 *         .build();
 * }</pre>
 *
 * <h2>Running</h2>
 * A step's own action runs first, then its children: one after the other, stopping at the first failure, or all
 * at once when the step is {@link #parallel()}, every failure reported. A {@link #dependent()} step runs only if
 * the independent step before it (and the dependent ones between) did not {@link StepHalt halt}.
 * {@link #needsApproval()} marks the steps the operator approves one by one: in the upgrade orchestrator, each
 * application and each machine.
 *
 * <h2>Resuming</h2>
 * Plans are built from what the model looks like now. A builder leaves out a step whose goal already holds with
 * {@link Builder#addUnless}, which records why in {@link #alreadyDone()}; a step with no action anywhere below it
 * is {@link #isEmpty() empty} and adding it does nothing (its notes are kept). So a plan built again after an
 * interruption holds exactly what is left, and a completed step is never run twice.
 *
 * <h2>Rendering</h2>
 * {@link #render()} prints the tree depth first, one tab per level; a child of a parallel step starts with
 * {@code "Ψ "}, a dependent step with {@code "├── "} (the format of charmed-openstack-upgrader's plans).
 */
public final class Step {
    private final String description;
    private final StepAction action;
    private final boolean parallel;
    private final boolean dependent;
    private final boolean needsApproval;
    private final List<Step> children;
    private final List<String> alreadyDone;

    private Step(Builder builder) {
        this.description = builder.description;
        this.action = builder.action;
        this.parallel = builder.parallel;
        this.dependent = builder.dependent;
        this.needsApproval = builder.needsApproval;
        this.children = List.copyOf(builder.children);
        this.alreadyDone = List.copyOf(builder.alreadyDone);
    }

    /** A builder for a step described as {@code description} (one line, not blank). */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** A step with an action and no children. */
    public static Step of(String description, StepAction action) {
        return builder(description).action(action).build();
    }

    /** What the step does, in one line; never blank. */
    public String description() {
        return description;
    }

    /** The step's own action; empty for a step that only groups others. */
    public Optional<StepAction> action() {
        return Optional.ofNullable(action);
    }

    /** True when the children run at the same time rather than one after the other. */
    public boolean parallel() {
        return parallel;
    }

    /** True when this step runs only if the independent step before it did not halt. */
    public boolean dependent() {
        return dependent;
    }

    /** True when the operator is asked before this step (and its children) run, unless approval is automatic. */
    public boolean needsApproval() {
        return needsApproval;
    }

    /** The children, in order; never null, possibly empty. */
    public List<Step> children() {
        return children;
    }

    /**
     * Why steps were left out of this subtree because their goal already held, in plan order: what a resumed
     * plan no longer does. Never null.
     */
    public List<String> alreadyDone() {
        return alreadyDone;
    }

    /** True when neither this step nor any below it has an action: there is nothing to run. */
    public boolean isEmpty() {
        return action == null && children.stream().allMatch(Step::isEmpty);
    }

    /** How many steps with an action this subtree holds (this one included). */
    public int actionCount() {
        return (action == null ? 0 : 1) + children.stream().mapToInt(Step::actionCount).sum();
    }

    /** The tree as a person reads it: one step a line, one tab per level, each line ending with a newline. */
    public String render() {
        StringBuilder text = new StringBuilder();
        render(text, 0, "");
        return text.toString();
    }

    private void render(StringBuilder text, int depth, String prefix) {
        text.append("\t".repeat(depth)).append(prefix).append(dependent ? "├── " : "").append(description).append('\n');
        for (Step child : children) {
            child.render(text, depth + 1, parallel ? "Ψ " : "");
        }
    }

    /** The same as {@link #render()}. */
    @Override
    public String toString() {
        return render();
    }

    /** Builds a {@link Step}. Not thread-safe; use once. */
    public static final class Builder {
        private final String description;
        private StepAction action;
        private boolean parallel;
        private boolean dependent;
        private boolean needsApproval;
        private final List<Step> children = new ArrayList<>();
        private final List<String> alreadyDone = new ArrayList<>();

        private Builder(String description) {
            Objects.requireNonNull(description, "description");
            if (description.isBlank() || description.contains("\n")) {
                throw new IllegalArgumentException("a step needs a one-line description, got \"" + description + "\"");
            }
            this.description = description;
        }

        /** The step's own action, run before its children. */
        public Builder action(StepAction stepAction) {
            this.action = Objects.requireNonNull(stepAction, "action");
            return this;
        }

        /** Runs the children at the same time (at most as many as the runner's worker threads). */
        public Builder parallel() {
            this.parallel = true;
            return this;
        }

        /** Runs this step only if the independent step before it did not halt. */
        public Builder dependent() {
            this.dependent = true;
            return this;
        }

        /** Asks the operator before running this step, unless approval is automatic. */
        public Builder needsApproval() {
            this.needsApproval = true;
            return this;
        }

        /**
         * Adds {@code child} as the next child. An {@link Step#isEmpty() empty} child (nothing left to do) is
         * not added, but its {@link Step#alreadyDone()} notes are kept.
         */
        public Builder add(Step child) {
            Objects.requireNonNull(child, "child");
            alreadyDone.addAll(child.alreadyDone);
            if (!child.isEmpty()) {
                children.add(child);
            }
            return this;
        }

        /**
         * Adds the step {@code child} supplies unless its goal already holds in the observed state; then records
         * {@code doneNote} in {@link Step#alreadyDone()} instead and does not call {@code child}.
         *
         * @param done whether the step's postcondition already holds
         * @param doneNote says what is already done, e.g. {@code "'db' is already at revision 432"}
         */
        public Builder addUnless(boolean done, String doneNote, Supplier<Step> child) {
            Objects.requireNonNull(doneNote, "doneNote");
            if (done) {
                alreadyDone.add(doneNote);
                return this;
            }
            return add(child.get());
        }

        /** The step. */
        public Step build() {
            return new Step(this);
        }
    }
}
