package dev.charms.reactive.layers.upgrade;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.juju.ModelStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one application is to be refreshed: a Charmhub channel, a revision, or both.
 *
 * @param application the application's name; never null
 * @param channel the channel, such as {@code 14/stable}; empty to stay on the current one
 * @param revision the revision; empty for the newest in the channel
 */
public record Target(String application, Optional<String> channel, OptionalInt revision) {
    private static final Pattern SPEC = Pattern.compile("([^=\\s]+)=(?:(\\d+)|([^@\\s]+)(?:@(\\d+))?)");

    /** Checks the parts: at least a channel or a revision. */
    public Target {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(revision, "revision");
        if (channel.isEmpty() && revision.isEmpty()) {
            throw new IllegalArgumentException("a target for '" + application + "' needs a channel or a revision");
        }
    }

    /**
     * Reads {@code APP=CHANNEL}, {@code APP=REVISION} or {@code APP=CHANNEL@REVISION}, e.g. {@code db=14/stable},
     * {@code db=432}, {@code db=14/stable@432}.
     *
     * @throws LayerToolException if {@code spec} has none of these forms
     */
    public static Target parse(String spec) {
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches()) {
            throw new LayerToolException("'" + spec + "': expected APP=CHANNEL, APP=REVISION or"
                    + " APP=CHANNEL@REVISION, such as db=14/stable, db=432 or db=14/stable@432");
        }
        if (matcher.group(2) != null) {
            return new Target(matcher.group(1), Optional.empty(), OptionalInt.of(Integer.parseInt(matcher.group(2))));
        }
        return new Target(matcher.group(1), Optional.of(matcher.group(3)), matcher.group(4) == null
                ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(matcher.group(4))));
    }

    /** {@code 14/stable}, {@code revision 432} or {@code 14/stable (revision 432)}. */
    public String describe() {
        if (channel.isEmpty()) {
            return "revision " + revision.getAsInt();
        }
        return channel.get() + (revision.isEmpty() ? "" : " (revision " + revision.getAsInt() + ")");
    }

    /**
     * True when {@code app} follows this channel and runs this revision; with no revision given, when Juju knows
     * of no newer charm in the channel ({@code can-upgrade-to} is empty).
     */
    public boolean reachedBy(ModelStatus.Application app) {
        boolean channelMatches = channel.isEmpty() || channel.get().equals(app.channel());
        boolean revisionMatches = revision.isEmpty() ? app.canUpgradeTo().isEmpty()
                : app.revision().equals(revision);
        return channelMatches && revisionMatches;
    }
}
