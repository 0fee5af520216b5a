package dev.charms.reactive.samples.appservices;

import dev.charms.reactive.host.Files;
import java.util.HashMap;
import java.util.Map;

/** The machine's base, read from {@code /etc/os-release} as {@code ID@VERSION_ID}, e.g. {@code ubuntu@24.04}. */
final class OsRelease {
    /** The file every systemd-based distribution has. */
    static final String FILE = "/etc/os-release";

    private OsRelease() {
    }

    /**
     * The base of the machine {@code files} act on.
     *
     * @throws IllegalStateException when the file lacks {@code ID} or {@code VERSION_ID}
     */
    static String base(Files files) {
        Map<String, String> fields = new HashMap<>();
        for (String line : files.read(FILE).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, equals).strip(), unquoted(line.substring(equals + 1).strip()));
            }
        }
        String id = fields.get("ID");
        String version = fields.get("VERSION_ID");
        if (id == null || version == null) {
            throw new IllegalStateException(FILE + " has no " + (id == null ? "ID" : "VERSION_ID")
                    + " line, so the machine's base is unknown; it should hold e.g. ID=ubuntu and VERSION_ID=\"24.04\"");
        }
        return id + "@" + version;
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
                && value.endsWith(value.substring(0, 1));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
