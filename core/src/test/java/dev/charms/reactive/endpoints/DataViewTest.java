package dev.charms.reactive.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw and JSON views on their own. */
class DataViewTest {
    private static UnitDataView view(boolean writable, Map<String, String> data) {
        return new UnitDataView("test", writable, () -> data);
    }

    @Test
    void jsonReadsDecodeValidJsonAndKeepEverythingElseRaw() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("word", "yes");
        data.put("empty", "");
        data.put("null", "null");
        data.put("int", "42");
        data.put("float", "1.5");
        data.put("quoted", "\"a\"");
        data.put("trailing", "[1] x");
        data.put("object", "{\"b\": 1, \"a\": [true]}");
        JsonDataView json = new JsonDataView(view(false, data));
        assertThat(json.get("word")).isEqualTo("yes");
        assertThat(json.get("empty")).isEqualTo("");
        assertThat(json.get("null")).isNull();
        assertThat(json.containsKey("null")).isTrue();
        assertThat(json.get("int")).isEqualTo(42L);
        assertThat(json.get("float")).isEqualTo(1.5);
        assertThat(json.get("quoted")).isEqualTo("a");
        assertThat(json.get("trailing")).isEqualTo("[1] x");
        assertThat(json.get("object")).isEqualTo(Map.of("a", List.of(true), "b", 1L));
        assertThat(json.<Integer>get("int", Integer.class)).isEqualTo(42);
        assertThat(json.<Object>get("missing", String.class)).isNull();
    }

    @Test
    void jsonWritesSortKeysAndMarkTheRawViewModified() {
        UnitDataView raw = view(true, Map.of());
        JsonDataView json = new JsonDataView(raw);
        assertThat(raw.isModified()).isFalse();
        json.put("v", Map.of("z", 1, "a", Map.of("y", "2", "b", List.of())));
        assertThat(raw.get("v")).isEqualTo("{\"a\":{\"b\":[],\"y\":\"2\"},\"z\":1}");
        assertThat(raw.isModified()).isTrue();
        json.put("n", null);
        assertThat(raw.get("n")).isEqualTo("null");
    }

    @Test
    void putNullOnTheRawViewRemovesAndRemovalsArePublishedAsNull() {
        UnitDataView raw = view(true, Map.of("a", "1", "b", "2"));
        raw.put("a", null);
        raw.entrySet().removeIf(e -> e.getKey().equals("b"));
        raw.put("c", "3");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("c", "3");
        expected.put("a", null);
        expected.put("b", null);
        assertThat(raw.publication()).isEqualTo(expected);
    }
}
