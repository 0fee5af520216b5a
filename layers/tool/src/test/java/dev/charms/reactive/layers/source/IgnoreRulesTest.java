package dev.charms.reactive.layers.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private static boolean file(String path, String... patterns) {
        return IgnoreRules.of(List.of(patterns)).matches(path, false);
    }

    @Test
    void aPatternWithoutSlashMatchesAtAnyDepth() {
        assertThat(file("a.iml", "*.iml")).isTrue();
        assertThat(file("sub/dir/a.iml", "*.iml")).isTrue();
        assertThat(file("a.iml.txt", "*.iml")).isFalse();
    }

    @Test
    void aLeadingOrInnerSlashAnchorsToTheLayerRoot() {
        assertThat(file("target/x.class", "/target/")).isTrue();
        assertThat(file("sub/target/x.class", "/target/")).isFalse();
        assertThat(file("docs/a.md", "docs/*.md")).isTrue();
        assertThat(file("x/docs/a.md", "docs/*.md")).isFalse();
    }

    @Test
    void aTrailingSlashMatchesDirectoriesOnly() {
        assertThat(file("tests/unit/t.py", "tests/")).isTrue();
        assertThat(file("tests", "tests/")).isFalse();
        assertThat(IgnoreRules.of(List.of("tests/")).matches("tests", true)).isTrue();
    }

    @Test
    void doubleStarMatchesAnyNumberOfDirectories() {
        assertThat(file("a/b/c/x.txt", "a/**/x.txt")).isTrue();
        assertThat(file("a/x.txt", "a/**/x.txt")).isTrue();
        assertThat(file("x.txt", "**/x.txt")).isTrue();
        assertThat(file("a/b/c", "a/**")).isTrue();
    }

    @Test
    void questionMarkAndCharacterClassesMatchOneCharacter() {
        assertThat(file("v1.txt", "v?.txt")).isTrue();
        assertThat(file("v10.txt", "v?.txt")).isFalse();
        assertThat(file("b.log", "[abc].log")).isTrue();
        assertThat(file("d.log", "[abc].log")).isFalse();
        assertThat(file("d.log", "[!abc].log")).isTrue();
    }

    @Test
    void theLastMatchingPatternDecidesSoNegationReIncludes() {
        assertThat(file("keep.log", "*.log", "!keep.log")).isFalse();
        assertThat(file("other.log", "*.log", "!keep.log")).isTrue();
    }

    @Test
    void aFileInsideAnIgnoredDirectoryCannotBeReIncluded() {
        assertThat(file("build/keep.txt", "build/", "!build/keep.txt")).isTrue();
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        assertThat(file("# not a pattern", "# not a pattern", "")).isFalse();
        assertThat(IgnoreRules.of(List.of("", "  ")).matches("anything", false)).isFalse();
    }

    @Test
    void combinedRulesLetTheLaterOnesDecide() {
        IgnoreRules rules = IgnoreRules.of(List.of("*.log")).and(IgnoreRules.of(List.of("!keep.log")));

        assertThat(rules.matches("keep.log", false)).isFalse();
        assertThat(rules.matches("drop.log", false)).isTrue();
    }
}
