package dev.charms.reactive.dispatch;

/** The flag loop hit its iteration cap while the harness (or a runner configured to fail) was running it. */
public final class IterationCapExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient IterationReport report;

    IterationCapExceededException(IterationReport report) {
        super(report.message());
        this.report = report;
    }

    /** What kept the loop going. */
    public IterationReport report() {
        return report;
    }
}
