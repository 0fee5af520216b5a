package dev.charms.reactive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JsonTrees gives exactly Gson's trees (with nulls serialised), number types included, for every kind of value. */
class JsonTreesTest {
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    record Endpoint(String host, int port) {
    }

    static List<Object> values() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", Arrays.asList("a", null, 2L, 0.25, false));
        nested.put("none", null);
        nested.put("inner", Map.of("x", List.of(Map.of("y", (short) 7))));
        List<Object> values = new ArrayList<>(Arrays.asList(
                "text", "", true, false, 1, -1L, Long.MAX_VALUE, (short) 3, (byte) -4, 2.5, -0.0, 1e300,
                nested, new LinkedHashSet<>(List.of("b", "a")), List.of(), Map.of(),
                // Not plain: Gson does these.
                'c', 1.5f, new BigDecimal("1.10"), new Endpoint("db", 5432), new int[] {1, 2},
                Map.of(1, "one"), List.of(new Endpoint("x", 1)), Map.of("e", new Endpoint("y", 2))));
        values.add(null);
        return values;
    }

    @ParameterizedTest
    @MethodSource("values")
    void givesGsonsTree(Object value) {
        JsonElement ours = JsonTrees.toJsonTree(value);
        JsonElement gsons = GSON.toJsonTree(value);

        assertThat(ours).isEqualTo(gsons);
        assertThat(typed(ours)).isEqualTo(typed(gsons));
    }

    @Test
    void nonFiniteNumbersAreRefusedAsGsonRefusesThem() {
        assertThatThrownBy(() -> GSON.toJsonTree(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonTrees.toJsonTree(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonTrees.toJsonTree(List.of(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treesAreFreshCopies() {
        Map<String, Object> value = new LinkedHashMap<>(Map.of("k", "v"));
        JsonObject tree = JsonTrees.toJsonTree(value).getAsJsonObject();
        value.put("k", "changed");

        assertThat(tree.get("k").getAsString()).isEqualTo("v");
    }

    /** The tree as text with the Java type of every number, which equals() on numbers does not compare. */
    private static String typed(JsonElement json) {
        if (json.isJsonObject()) {
            return json.getAsJsonObject().entrySet().stream()
                    .map(e -> e.getKey() + "=" + typed(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (json.isJsonArray()) {
            return StreamSupport.stream(json.getAsJsonArray().spliterator(), false).map(JsonTreesTest::typed)
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
            return json + ":" + json.getAsNumber().getClass().getSimpleName();
        }
        return json.toString();
    }
}
