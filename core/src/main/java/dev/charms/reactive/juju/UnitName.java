package dev.charms.reactive.juju;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit's name, {@code <application>/<number>} such as {@code mysql/0}, split into its parts.
 *
 * @param application the application name, as Juju validates it (lowercase letters, digits and hyphens, a
 *     letter first, and a letter in every hyphen-separated part); never null
 * @param number the unit number, 0 or more
 */
public record UnitName(String application, int number) {
    /** Juju's application-name rule ({@code names.ApplicationSnippet}). */
    static final String APPLICATION = "[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*";
    private static final Pattern APPLICATION_NAME = Pattern.compile(APPLICATION);
    private static final Pattern UNIT_NAME = Pattern.compile("(" + APPLICATION + ")/(0|[1-9][0-9]{0,8})");

    /** What a unit name must look like, for error messages. */
    static final String EXPECTED = "<application>/<number>, such as mysql/0";

    /** Checks the parts. */
    public UnitName {
        Objects.requireNonNull(application, "application");
        if (!isApplicationName(application)) {
            throw new IllegalArgumentException("\"" + application + "\" is not an application name: expected"
                    + " lowercase letters, digits and hyphens, starting with a letter");
        }
        if (number < 0) {
            throw new IllegalArgumentException("a unit number cannot be negative, got " + number);
        }
    }

    /**
     * Parses {@code mysql/0}.
     *
     * @throws IllegalArgumentException naming the text when it is not a unit name
     */
    public static UnitName parse(String text) {
        Matcher matcher = UNIT_NAME.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a unit name: expected " + EXPECTED);
        }
        return new UnitName(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** True when {@code text} is a valid unit name such as {@code mysql/0}. */
    public static boolean isUnitName(String text) {
        return UNIT_NAME.matcher(text).matches();
    }

    /** True when {@code text} is a valid application name. */
    public static boolean isApplicationName(String text) {
        return APPLICATION_NAME.matcher(text).matches();
    }

    /** {@code application/number}, the form Juju uses. */
    @Override
    public String toString() {
        return application + "/" + number;
    }
}
