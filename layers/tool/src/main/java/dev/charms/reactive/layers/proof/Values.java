package dev.charms.reactive.layers.proof;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Type tests on YAML values, shared by the rules. */
final class Values {

    private Values() {
    }

    static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    static boolean isStringList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    static boolean isNonBlankString(Object value) {
        return value instanceof String text && !text.isBlank();
    }

    /** The map's entries with String keys (YAML documents only have those). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A value as written in YAML, for messages: strings quoted. */
    static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : Objects.toString(value);
    }

    /** {@code prefix.key}, or {@code key} when the prefix is empty. */
    static String key(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
