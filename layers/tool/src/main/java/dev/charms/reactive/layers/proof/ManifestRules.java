package dev.charms.reactive.layers.proof;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of Juju's manifest.yaml reader (juju/charm manifest.go, base.go): the charm's bases. */
final class ManifestRules {

    static final String FILE = "manifest.yaml";

    private static final Set<String> SYSTEMS = Set.of("ubuntu", "centos", "windows", "osx", "opensuse",
            "genericlinux");
    private static final Set<String> ARCHITECTURES = Set.of("amd64", "arm64", "ppc64el", "s390x", "riscv64");
    private static final Set<String> BASE_KEYS = Set.of("name", "channel", "architectures");
    private static final Pattern CHANNEL = Pattern.compile("[0-9]+(\\.[0-9]+)*(/(stable|candidate|beta|edge)"
            + "(/[a-z0-9-]+)?)?");

    private ManifestRules() {
    }

    static void check(Map<String, Object> manifest, Findings findings) {
        Object bases = manifest.get("bases");
        if (!(bases instanceof List<?> list) || list.isEmpty()) {
            findings.error(FILE, "bases", "must be a non-empty list of bases (name, channel, architectures)");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            checkBase(list.get(i), "bases[" + i + "]", findings);
        }
    }

    private static void checkBase(Object base, String key, Findings findings) {
        if (!(base instanceof Map<?, ?>)) {
            findings.error(FILE, key, "must be a map with name, channel and architectures");
            return;
        }
        Map<String, Object> fields = Values.map(base);
        Object name = fields.get("name");
        if (name == null) {
            findings.error(FILE, key + ".name", "base without name");
        } else if (!SYSTEMS.contains(name)) {
            findings.error(FILE, key + ".name", "os " + Values.show(name) + " not valid; use one of "
                    + String.join(", ", SYSTEMS.stream().sorted().toList()) + " (lower case)");
        }
        Object channel = fields.get("channel");
        if (channel == null) {
            findings.error(FILE, key + ".channel", "base without channel");
        } else if (!(channel instanceof String text)) {
            findings.error(FILE, key + ".channel", "must be a string: YAML reads " + channel + " as a number,"
                    + " so quote it (channel: \"" + channel + "\")");
        } else if (!CHANNEL.matcher(text).matches()) {
            findings.error(FILE, key + ".channel", "channel not valid: " + Values.show(text)
                    + "; write a version, optionally with a risk (e.g. \"22.04\" or \"22.04/stable\")");
        }
        Object architectures = fields.get("architectures");
        if (architectures != null) {
            if (!Values.isStringList(architectures)) {
                findings.error(FILE, key + ".architectures", "must be a list of architecture names");
            } else {
                for (Object architecture : (List<?>) architectures) {
                    if (!ARCHITECTURES.contains(architecture)) {
                        findings.error(FILE, key + ".architectures", "architecture \"" + architecture
                                + "\" not valid; use " + String.join(", ", ARCHITECTURES.stream().sorted().toList()));
                    }
                }
            }
        }
        for (String field : fields.keySet()) {
            if (!BASE_KEYS.contains(field)) {
                findings.warning(FILE, key + "." + field, "unknown base field; Juju ignores it");
            }
        }
    }
}
