package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class HookPatternsPropertyTest {
    private static final Gen<List<String>> ALTERNATIVES = lists()
            .of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 4))
            .ofSizeBetween(1, 4);

    @Test
    void twoAlternativeGroupsExpandToTheirCartesianProduct() {
        qt().forAll(ALTERNATIVES, ALTERNATIVES).checkAssert((left, right) -> {
            String pattern = "x-{" + String.join(",", left) + "}-{" + String.join(",", right) + "}";
            Set<String> expected = new HashSet<>();
            left.forEach(l -> right.forEach(r -> expected.add("x-" + l + "-" + r)));
            assertThat(HookPatterns.expand(List.of(pattern), List.of())).containsExactlyInAnyOrderElementsOf(expected);
        });
    }
}
