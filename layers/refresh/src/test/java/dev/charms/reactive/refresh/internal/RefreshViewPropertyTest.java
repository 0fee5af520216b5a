package dev.charms.reactive.refresh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invariants of the refresh order over any mix of unit states and any pause option. */
class RefreshViewPropertyTest {
    private static final List<Optional<UnitRecord>> KINDS = List.of(RefreshViewTest.onRevision1(),
            RefreshViewTest.outdated(false), RefreshViewTest.outdated(true), RefreshViewTest.refreshed(false),
            RefreshViewTest.refreshed(true));

    private static RefreshView view(List<Integer> kinds, int pause) {
        Map<String, Optional<UnitRecord>> units = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            units.put("kv/" + i, KINDS.get(kinds.get(i)));
        }
        return RefreshViewTest.view("kv/0", PauseAfterUnitRefresh.values()[pause], RefreshViewTest.V2, "1.1.0", units);
    }

    @Test
    void atMostOneUnitRefreshesOnItsOwnAndItIsTheNextUnitWithEveryUnitBeforeItHealthy() {
        qt().forAll(lists().of(integers().between(0, KINDS.size() - 1)).ofSizeBetween(1, 6),
                integers().between(0, PauseAfterUnitRefresh.values().length - 1)).checkAssert((kinds, pause) -> {
                    RefreshView view = view(kinds, pause);
                    List<String> refreshing = view.order().stream().filter(view::refreshesAutomatically).toList();
                    assertThat(refreshing).hasSizeLessThanOrEqualTo(1);
                    refreshing.forEach(unit -> {
                        assertThat(view.nextUnit()).contains(unit);
                        assertThat(view.order().subList(0, view.index(unit))).allMatch(view::allowsNext);
                    });
                });
    }

    @Test
    void aPausedApplicationStatusNamesTheNextUnit() {
        qt().forAll(lists().of(integers().between(0, KINDS.size() - 1)).ofSizeBetween(2, 6),
                integers().between(0, PauseAfterUnitRefresh.values().length - 1)).checkAssert((kinds, pause) -> {
                    RefreshView view = view(kinds, pause);
                    view.applicationStatus().filter(s -> s.message().contains("resume-refresh"))
                            .ifPresent(status -> assertThat(status.message()).contains("on unit "
                                    + RefreshView.number(view.nextUnit().orElseThrow()) + "."));
                });
    }
}
