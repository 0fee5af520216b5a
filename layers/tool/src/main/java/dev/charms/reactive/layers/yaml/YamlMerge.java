package dev.charms.reactive.layers.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * charm-tools' merge of YAML documents from a lower (base) and a higher layer, and its key-path deletes.
 */
public final class YamlMerge {

    private YamlMerge() {
    }

    /**
     * Merges {@code higher} over {@code lower} into a new document, as charm-tools' {@code deepmerge} does: for
     * each key of {@code higher}, two maps merge recursively, two lists become the lower items followed by the
     * higher items not already present, and anything else takes the higher value. Keys only in {@code lower}
     * stay. Neither argument is modified.
     */
    public static Map<String, Object> deepMerge(Map<String, Object> lower, Map<String, Object> higher) {
        Map<String, Object> result = copyMap(lower);
        for (Map.Entry<String, Object> entry : higher.entrySet()) {
            Object low = result.get(entry.getKey());
            Object high = entry.getValue();
            if (low instanceof Map<?, ?> lowMap && high instanceof Map<?, ?> highMap && !lowMap.isEmpty()) {
                result.put(entry.getKey(), deepMerge(asMap(lowMap), asMap(highMap)));
            } else if (low instanceof List<?> lowList && high instanceof List<?> highList && !lowList.isEmpty()) {
                result.put(entry.getKey(), appendNew(lowList, highList));
            } else {
                result.put(entry.getKey(), copy(high));
            }
        }
        return result;
    }

    /** The items of {@code first}, then those of {@code second} that are not already there, copied. */
    public static List<Object> appendNew(List<?> first, List<?> second) {
        List<Object> result = new ArrayList<>();
        for (Object item : first) {
            result.add(copy(item));
        }
        for (Object item : second) {
            if (!result.contains(item)) {
                result.add(copy(item));
            }
        }
        return result;
    }

    /**
     * Deletes the key at the dotted {@code path} (e.g. {@code requires.http}) from {@code document}, walking
     * maps only. Returns false, changing nothing, when some key on the way is absent or not a map.
     */
    public static boolean delete(Map<String, Object> document, String path) {
        String[] keys = path.split("\\.");
        Map<String, Object> current = document;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(current.get(keys[i]) instanceof Map<?, ?> next)) {
                return false;
            }
            current = asMap(next);
        }
        if (!current.containsKey(keys[keys.length - 1])) {
            return false;
        }
        current.remove(keys[keys.length - 1]);
        return true;
    }

    /** A deep copy of a YAML value: maps and lists are copied, scalars are shared (they are immutable). */
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(asMap(map));
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(copy(item));
            }
            return result;
        }
        return value;
    }

    /** A deep copy of a map, keeping key order. */
    public static Map<String, Object> copyMap(Map<String, Object> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            result.put(entry.getKey(), copy(entry.getValue()));
        }
        return result;
    }

    /** Views a map read by {@link YamlDocuments} (String keys) with its key type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
