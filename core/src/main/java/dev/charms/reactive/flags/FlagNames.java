package dev.charms.reactive.flags;

import java.util.Objects;

/** The rules for flag names, checked whenever a flag is set, cleared or tested through {@link Flags}. */
public final class FlagNames {
    private FlagNames() {
    }

    /**
     * Returns the name if it is valid: not blank and without whitespace.
     *
     * @throws IllegalArgumentException naming the flag and the rule it breaks
     */
    public static String check(String flag) {
        Objects.requireNonNull(flag, "flag name is null; pass a name such as \"app.installed\"");
        if (flag.isBlank()) {
            throw new IllegalArgumentException("flag name is blank; pass a name such as \"app.installed\"");
        }
        for (int i = 0; i < flag.length(); i++) {
            if (Character.isWhitespace(flag.charAt(i))) {
                throw new IllegalArgumentException("flag name \"" + flag + "\" contains whitespace at index " + i
                        + "; flag names are dotted words such as \"app.installed\"");
            }
        }
        return flag;
    }
}
