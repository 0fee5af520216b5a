package dev.charms.reactive.juju;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Juju version as {@code JUJU_VERSION} gives it: {@code 3.6.1}, {@code 2.9.42.1} (with a build number) or
 * {@code 3.0-rc2} (a pre-release, which sorts before the release: {@code 3.0-rc2 < 3.0.0}).
 *
 * @param major the major version
 * @param minor the minor version
 * @param tag the pre-release tag such as {@code rc} or {@code beta}, empty for a release; never null
 * @param patch the patch number (for a pre-release, the number after the tag)
 * @param build the build number, 0 when absent
 */
public record JujuVersion(int major, int minor, String tag, int patch, int build) implements Comparable<JujuVersion> {
    private static final Pattern VERSION =
            Pattern.compile("(\\d{1,9})\\.(\\d{1,9})(?:\\.|-([a-z]+))(\\d{1,9})(?:\\.(\\d{1,9}))?");

    /** What a version must look like, for error messages. */
    static final String EXPECTED = "<major>.<minor>.<patch>[.<build>] or <major>.<minor>-<tag><patch>[.<build>],"
            + " such as 3.6.1 or 3.0-rc2";

    /** Checks the parts. */
    public JujuVersion {
        Objects.requireNonNull(tag, "tag");
        if (major < 0 || minor < 0 || patch < 0 || build < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
    }

    /**
     * Parses a version string.
     *
     * @throws IllegalArgumentException naming the text when it is not a Juju version
     */
    public static JujuVersion parse(String text) {
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Juju version: expected " + EXPECTED);
        }
        return new JujuVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? "" : matcher.group(3), Integer.parseInt(matcher.group(4)),
                matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5)));
    }

    /** True when this version is {@code other} or newer, e.g. {@code version.isAtLeast("2.8.0")}. */
    public boolean isAtLeast(String other) {
        return compareTo(parse(other)) >= 0;
    }

    @Override
    public int compareTo(JujuVersion other) {
        return Order.ORDER.compare(this, other);
    }

    /** Built on first comparison: every hook parses {@code JUJU_VERSION}, few compare it. */
    private static final class Order {
        static final Comparator<JujuVersion> ORDER = Comparator.comparingInt(JujuVersion::major)
                .thenComparingInt(JujuVersion::minor)
                .thenComparing(JujuVersion::tag, JujuVersion::compareTags)
                .thenComparingInt(JujuVersion::patch)
                .thenComparingInt(JujuVersion::build);
    }

    /** A release sorts after any pre-release of the same version; pre-release tags sort alphabetically. */
    private static int compareTags(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return a.compareTo(b);
    }

    /** The version as Juju prints it. */
    @Override
    public String toString() {
        return major + "." + minor + (tag.isEmpty() ? "." : "-" + tag) + patch + (build == 0 ? "" : "." + build);
    }
}
