package dev.charms.reactive.refresh.internal;

/**
 * The {@code pause-after-unit-refresh} config option: after which units the refresh waits for {@code resume-refresh}.
 * Units are counted in refresh order from index 0 (the highest unit number), which never waits.
 */
public enum PauseAfterUnitRefresh {
    /** Every unit from index 1 waits for {@code resume-refresh}. */
    ALL,
    /** Only the unit at index 1 waits; the rest follow on their own (the default). */
    FIRST,
    /** No unit waits. */
    NONE,
    /** Any other value: treated like {@link #ALL}, the most careful, and reported. */
    INVALID;

    /** The config option's name. */
    public static final String OPTION = "pause-after-unit-refresh";

    /** The value of the option's text: {@code all}, {@code first}, {@code none}, else {@link #INVALID}. */
    public static PauseAfterUnitRefresh parse(String text) {
        return switch (text == null ? "" : text) {
            case "all" -> ALL;
            case "first" -> FIRST;
            case "none" -> NONE;
            default -> INVALID;
        };
    }

    /** Whether the unit at {@code index} in refresh order waits for {@code resume-refresh} before it refreshes. */
    public boolean waitsAt(int index) {
        if (index == 0) {
            return false;
        }
        return switch (this) {
            case ALL, INVALID -> true;
            case FIRST -> index == 1;
            case NONE -> false;
        };
    }
}
