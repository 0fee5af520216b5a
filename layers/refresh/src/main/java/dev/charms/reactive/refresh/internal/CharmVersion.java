package dev.charms.reactive.refresh.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A charm version as the refresh layer reads it: {@code <track>/<MAJOR>.<MINOR>.<PATCH>}, e.g. {@code 16/1.19.0},
 * optionally followed by a suffix (a development, post-release or local build, e.g. {@code 1/1.2.0.dev3} or
 * {@code 1/1.2.0+g1a2b3c}). A version with a suffix is <em>unreleased</em>.
 *
 * @param text the version as written
 * @param track the track, before the slash
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param released whether there is no suffix
 */
public record CharmVersion(String text, String track, int major, int minor, int patch, boolean released) {
    private static final Pattern FORMAT = Pattern.compile("([^/\\s]+)/(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(\\S*)");

    /** The version written in {@code text}; empty when it does not have the form {@code track/MAJOR.MINOR.PATCH}. */
    public static Optional<CharmVersion> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CharmVersion(text, m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5).isEmpty()));
    }

    /** Whether this version comes before {@code other} in major, minor, patch order (the track is not compared). */
    public boolean isBefore(CharmVersion other) {
        if (major != other.major) {
            return major < other.major;
        }
        if (minor != other.minor) {
            return minor < other.minor;
        }
        return patch < other.patch;
    }
}
