package dev.charms.reactive.layers.cli;

/** Runs the {@code reactive} command line and exits with its exit code (see {@link ExitCodes}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ReactiveCommand.commandLine(System::getenv).execute(args));
    }
}
