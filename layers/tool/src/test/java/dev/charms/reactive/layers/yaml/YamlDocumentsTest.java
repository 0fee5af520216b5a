package dev.charms.reactive.layers.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    @Test
    void aSyntaxErrorNamesFileLineAndColumnOneBased() {
        assertThatThrownBy(() -> YamlDocuments.readMap("name: x\nsummary: [a, b\n", "/c/metadata.yaml"))
                .isInstanceOf(YamlFileException.class)
                .hasMessage("/c/metadata.yaml:3:1: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence)")
                .extracting(e -> ((YamlFileException) e).detail())
                .isEqualTo("line 3, column 1: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence)");
    }

    @Test
    void aMisplacedColonNamesItsPosition() {
        assertThatThrownBy(() -> YamlDocuments.readMap("name: x\n  summary: y: z\n", "layer.yaml"))
                .hasMessage("layer.yaml:2:10: mapping values are not allowed here");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> YamlDocuments.readMap("name: a\nname: b\n", "metadata.yaml"))
                .hasMessage("metadata.yaml:2:1: found duplicate key name (while constructing a mapping)");
    }

    @Test
    void aTopLevelThatIsNotAMapIsAClearError() {
        assertThatThrownBy(() -> YamlDocuments.readMap("- a\n- b\n", "/x/config.yaml"))
                .hasMessage("/x/config.yaml: expected a map of keys at the top level, found a list;"
                        + " write it as \"key: value\" lines");
        assertThatThrownBy(() -> YamlDocuments.readMap("just text\n", "/x/config.yaml"))
                .hasMessage("/x/config.yaml: expected a map of keys at the top level, found a string;"
                        + " write it as \"key: value\" lines");
    }

    @Test
    void aKeyThatIsNotAStringIsAnErrorNamingWhereItIs() {
        assertThatThrownBy(() -> YamlDocuments.readMap("options:\n  1: {type: int}\n", "config.yaml"))
                .hasMessage("config.yaml: key 1 under options is an integer; keys must be strings (quote it)");
    }

    @Test
    void anEmptyFileIsAnEmptyMap() {
        assertThat(YamlDocuments.readMap("", "empty.yaml")).isEmpty();
        assertThat(YamlDocuments.readMap("# only a comment\n", "empty.yaml")).isEmpty();
    }

    @Test
    void readsScalarsAsJavaValuesButKeepsDatesAsText() {
        Map<String, Object> document = YamlDocuments.readMap(
                "s: text\ni: 3\nf: 0.5\nb: true\nn: null\nd: 2024-01-02\nl: [1, two]\n", "x.yaml");

        assertThat(document).containsExactly(Map.entry("s", "text"), Map.entry("i", 3), Map.entry("f", 0.5),
                Map.entry("b", true), new java.util.AbstractMap.SimpleEntry<>("n", null),
                Map.entry("d", "2024-01-02"), Map.entry("l", List.of(1, "two")));
    }

    @Test
    void writesBlockStyleAndQuotesStringsThatWouldReadAsSomethingElse() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("channel", "22.04");
        document.put("date", "2024-01-02");
        document.put("flag", "true");
        document.put("list", List.of("a", Map.of("k", 1)));
        document.put("empty", Map.of());

        assertThat(YamlDocuments.write(document)).isEqualTo("""
                channel: '22.04'
                date: '2024-01-02'
                flag: 'true'
                list:
                  - a
                  - k: 1
                empty: {}
                """);
        assertThat(YamlDocuments.readMap(YamlDocuments.write(document), "again")).isEqualTo(document);
    }
}
