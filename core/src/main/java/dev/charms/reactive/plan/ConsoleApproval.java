package dev.charms.reactive.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Asks on a terminal, with the questions and answers of charmed-openstack-upgrader:
 * <ul>
 *   <li>before starting: {@code Would you like to start the upgrade? Continue (y/N): }; {@code y} or {@code yes}
 *       starts, {@code n}, {@code no} or just Enter does not, anything else prints {@code No valid input
 *       provided! Exiting without starting the upgrade.} and does not;
 *   <li>before a step that needs approval: the step's subtree, then {@code Continue (y/n): }; {@code y} or
 *       {@code yes} runs it, {@code n} or {@code no} does not, anything else prints {@code No valid input
 *       provided!} and asks again.
 * </ul>
 * Answers are case-insensitive. The end of the input (or an input that cannot be read) counts as no: a script that
 * pipes nothing in changes nothing.
 *
 * <p>Lines are read on a daemon thread, so a question waiting for an answer ends at once when the runner
 * interrupts it (a Ctrl+C at the prompt). Questions are asked one at a time by the runner.
 */
public final class ConsoleApproval implements Approval {
    private final BufferedReader in;
    private final PrintWriter out;
    private final String noun;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private Thread reader;

    /**
     * @param in the operator's answers, one a line
     * @param out where questions are printed
     * @param noun what the plan does, for the first question: {@code "upgrade"}
     */
    public ConsoleApproval(Reader in, PrintWriter out, String noun) {
        this.in = new BufferedReader(in);
        this.out = out;
        this.noun = noun;
    }

    @Override
    public boolean approveStart(Step plan) throws InterruptedException {
        Optional<String> answer = ask("Would you like to start the " + noun + "? Continue (y/N): ");
        switch (answer.orElse("n")) {
            case "y", "yes":
                return true;
            case "", "n", "no":
                return false;
            default:
                say("No valid input provided! Exiting without starting the " + noun + ".");
                return false;
        }
    }

    @Override
    public boolean approveStep(Step step) throws InterruptedException {
        while (true) {
            switch (ask(step.render() + "Continue (y/n): ").orElse("n")) {
                case "y", "yes":
                    return true;
                case "n", "no":
                    return false;
                default:
                    say("No valid input provided!");
            }
        }
    }

    /** Prints {@code question}; the answer stripped and in lower case, or empty at the end of the input. */
    private Optional<String> ask(String question) throws InterruptedException {
        out.print(question);
        out.flush();
        Optional<String> answer = nextLine();
        if (answer.isEmpty()) {
            say("");
        }
        return answer.map(line -> line.strip().toLowerCase(Locale.ROOT));
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    /** The next line, or empty at the end of the input (which stays the answer from then on). */
    private Optional<String> nextLine() throws InterruptedException {
        startReader();
        Optional<String> line = lines.take();
        if (line.isEmpty()) {
            lines.add(line);
        }
        return line;
    }

    private synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException unreadable) {
                // An input that cannot be read gives no answer, like one that ended: the questions get no.
            } finally {
                lines.add(Optional.empty());
            }
        }, "approval-input");
        reader.setDaemon(true);
        reader.start();
    }
}
