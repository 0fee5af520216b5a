package dev.charms.reactive.testing.assertions;

import dev.charms.reactive.juju.StatusValue;
import java.util.List;
import java.util.stream.Collectors;

/** How the assertions' failure messages show statuses and blocks of lines. */
final class Texts {
    private Texts() {
    }

    /** {@code active "ready"}, as the model's timeline shows a status. */
    static String status(StatusValue status) {
        return status.state() + " \"" + status.message() + "\"";
    }

    /** A blank line, the title, then each line indented by two spaces, or {@code (none)} when there is none. */
    static String block(String title, List<String> lines) {
        return "\n\n" + title + ":\n" + (lines.isEmpty() ? "  (none)"
                : lines.stream().map(line -> "  " + line).collect(Collectors.joining("\n")));
    }
}
