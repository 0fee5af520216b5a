package dev.charms.reactive.layers.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlMergeTest {

    private static Map<String, Object> yaml(String text) {
        return YamlDocuments.readMap(text, "test.yaml");
    }

    @Test
    void mapsMergeRecursivelyAndTheHigherScalarWins() {
        Map<String, Object> merged = YamlMerge.deepMerge(
                yaml("options: {a: {type: int, default: 1}, b: {type: string}}\nkeep: low\n"),
                yaml("options: {a: {default: 2}, c: {type: boolean}}\n"));

        assertThat(merged).isEqualTo(yaml(
                "options: {a: {type: int, default: 2}, b: {type: string}, c: {type: boolean}}\nkeep: low\n"));
    }

    @Test
    void listsAppendTheHigherItemsNotAlreadyPresent() {
        Map<String, Object> merged = YamlMerge.deepMerge(yaml("tags: [a, b]\n"), yaml("tags: [b, c, a, d]\n"));

        assertThat(merged).isEqualTo(yaml("tags: [a, b, c, d]\n"));
    }

    @Test
    void anEmptyOrMismatchedLowerValueIsReplaced() {
        assertThat(YamlMerge.deepMerge(yaml("a: []\nb: {}\nc: text\n"), yaml("a: [x]\nb: {k: v}\nc: {k: v}\n")))
                .isEqualTo(yaml("a: [x]\nb: {k: v}\nc: {k: v}\n"));
    }

    @Test
    void mergingChangesNeitherInput() {
        Map<String, Object> lower = yaml("m: {l: [1]}\n");
        Map<String, Object> higher = yaml("m: {l: [2]}\n");

        Map<String, Object> merged = YamlMerge.deepMerge(lower, higher);
        merged.put("extra", 1);
        YamlMerge.asMap((Map<?, ?>) merged.get("m")).put("l", "replaced");

        assertThat(lower).isEqualTo(yaml("m: {l: [1]}\n"));
        assertThat(higher).isEqualTo(yaml("m: {l: [2]}\n"));
    }

    @Test
    void deleteRemovesADottedKeyPathAndReportsAbsentOnes() {
        Map<String, Object> document = yaml("requires: {db: mysql, web: http}\nname: x\n");

        assertThat(YamlMerge.delete(document, "requires.db")).isTrue();
        assertThat(YamlMerge.delete(document, "requires.nothing")).isFalse();
        assertThat(YamlMerge.delete(document, "name.deeper")).isFalse();
        assertThat(document).isEqualTo(yaml("requires: {web: http}\nname: x\n"));
    }
}
