package dev.charms.reactive.plan;

/** The signals that stop a run, with the exit code a process stopped by each should end with (128 + its number). */
public enum StopSignal {
    /** Ctrl+C at the terminal. */
    SIGINT(2),
    /** {@code kill}, or a service manager stopping the process. */
    SIGTERM(15);

    private final int number;

    StopSignal(int number) {
        this.number = number;
    }

    /** The POSIX signal number. */
    public int number() {
        return number;
    }

    /** 130 for SIGINT, 143 for SIGTERM: what a shell reports for a process this signal ended. */
    public int exitCode() {
        return 128 + number;
    }
}
