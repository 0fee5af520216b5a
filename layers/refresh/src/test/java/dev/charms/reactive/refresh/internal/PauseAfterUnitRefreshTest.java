package dev.charms.reactive.refresh.internal;

import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.ALL;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.FIRST;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.INVALID;
import static dev.charms.reactive.refresh.internal.PauseAfterUnitRefresh.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PauseAfterUnitRefreshTest {

    @Test
    void readsTheThreeValuesAndAnythingElseIsInvalid() {
        assertThat(PauseAfterUnitRefresh.parse("all")).isEqualTo(ALL);
        assertThat(PauseAfterUnitRefresh.parse("first")).isEqualTo(FIRST);
        assertThat(PauseAfterUnitRefresh.parse("none")).isEqualTo(NONE);
        assertThat(PauseAfterUnitRefresh.parse("ALL")).isEqualTo(INVALID);
        assertThat(PauseAfterUnitRefresh.parse("")).isEqualTo(INVALID);
        assertThat(PauseAfterUnitRefresh.parse(null)).isEqualTo(INVALID);
    }

    private static boolean[] waits(PauseAfterUnitRefresh pause) {
        boolean[] result = new boolean[5];
        IntStream.range(0, 5).forEach(i -> result[i] = pause.waitsAt(i));
        return result;
    }

    @Test
    void theFirstUnitNeverWaitsAndEachValueWaitsWhereItSays() {
        assertThat(waits(ALL)).containsExactly(false, true, true, true, true);
        assertThat(waits(INVALID)).containsExactly(false, true, true, true, true);
        assertThat(waits(FIRST)).containsExactly(false, true, false, false, false);
        assertThat(waits(NONE)).containsExactly(false, false, false, false, false);
    }
}
