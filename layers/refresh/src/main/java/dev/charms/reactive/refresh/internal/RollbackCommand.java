package dev.charms.reactive.refresh.internal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The command that rolls an application back to a charm revision: {@code juju refresh <app> --revision <rev>}.
 * Statuses, limited to 120 characters, leave out the application. Without a known revision (no record of the deployed
 * charm, as in the model simulator without one) the command is plain {@code juju refresh <app>}, and the operator
 * must add the revision.
 *
 * @param application the application
 * @param revision the revision to go back to; empty when unknown
 */
public record RollbackCommand(String application, OptionalInt revision) {

    /** Checks that nothing is null. */
    public RollbackCommand {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(revision, "revision");
    }

    /** The command back to {@code code}'s revision. */
    public static RollbackCommand to(String application, CharmCode code) {
        return new RollbackCommand(application, code.revision());
    }

    /** The full command: {@code juju refresh kv --revision 12}. */
    public String full() {
        return "juju refresh " + application + revisionOption();
    }

    /** The command as statuses show it: {@code juju refresh --revision 12}. */
    public String inStatus() {
        return "juju refresh" + revisionOption();
    }

    private String revisionOption() {
        return revision.isPresent() ? " --revision " + revision.getAsInt() : "";
    }
}
