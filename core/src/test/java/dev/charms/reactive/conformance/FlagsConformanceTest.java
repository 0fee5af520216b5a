package dev.charms.reactive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.flags.FlagObserver;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.state.UnitState;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reference §12.3 (tests/test_flags.py) and the trigger rules of §4.2. */
class FlagsConformanceTest {
    private final Flags flags = new Flags(UnitState.empty(), FlagObserver.NONE);

    @Test
    void f01_withoutTriggersOnlyTheFlagChanges() {
        flags.set("foo");
        assertThat(flags.isSet("bar")).isFalse();
        assertThat(flags.isSet("qux")).isFalse();
        flags.clear("foo");
        assertThat(flags.setFlags()).isEmpty();
    }

    @Test
    void f02_aSetTriggerSetsItsTargetWhichStaysSetAfterAClear() {
        flags.registerTrigger(Trigger.builder().when("foo").setFlag("bar").build());
        flags.set("foo");
        assertThat(flags.isSet("bar")).isTrue();
        flags.clear("foo");
        assertThat(flags.isSet("bar")).isTrue();
    }

    @Test
    void f03_aSetTriggerClearsItsTarget() {
        flags.registerTrigger(Trigger.builder().when("foo").clearFlag("qux").build());
        flags.set("qux");
        flags.set("foo");
        assertThat(flags.isSet("qux")).isFalse();
    }

    @Test
    void f04_aClearTriggerFiresOnlyWhenItsFlagIsReallyCleared() {
        flags.registerTrigger(Trigger.builder().whenNot("foo").setFlag("bar").clearFlag("qux").build());
        flags.set("noop");
        flags.clear("noop");
        assertThat(flags.isSet("bar")).isFalse();
        flags.set("foo");
        flags.set("qux");
        assertThat(flags.isSet("bar")).isFalse();
        flags.clear("foo");
        assertThat(flags.isSet("bar")).isTrue();
        assertThat(flags.isSet("qux")).isFalse();
    }

    @Test
    void f05_callbacksRunOnTheirTransitionOnly() {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        flags.registerTrigger(Trigger.builder().when("a").callback(a::incrementAndGet).build());
        flags.registerTrigger(Trigger.builder().whenNot("b").callback(b::incrementAndGet).build());
        flags.set("a");
        assertThat(a).hasValue(1);
        flags.clear("a");
        assertThat(a).hasValue(1);
        flags.set("b");
        assertThat(b).hasValue(0);
        flags.clear("b");
        assertThat(b).hasValue(1);
        flags.set("c");
        flags.clear("c");
        assertThat(a).hasValue(1);
        assertThat(b).hasValue(1);
    }

    @Test
    void f06_setFlagsAndUnsetAmong() {
        assertThat(flags.setFlags()).isEmpty();
        flags.set("foo");
        assertThat(flags.setFlags()).containsExactly("foo");
        assertThat(flags.unsetAmong("foo", "bar")).containsExactly("bar");
    }

    @Test
    void triggerValidationUsesTheReferenceMessages() {
        assertThatThrownBy(() -> Trigger.builder().setFlag("x").build())
                .hasMessage("Must provide one of when or when_not");
        assertThatThrownBy(() -> Trigger.builder().when("a").whenNot("b").setFlag("x").build())
                .hasMessage("Only one of when or when_not can be provided");
        assertThatThrownBy(() -> Trigger.builder().when("a").build())
                .hasMessage("Must provide at least one of set_flag, clear_flag, or callback");
    }

    @Test
    void triggersFireSetTargetsThenClearTargetsThenCallbacksDepthFirst() {
        StringBuilder order = new StringBuilder();
        flags.set("to-clear");
        flags.registerTrigger(Trigger.builder().when("a").callback(() -> order.append("callback;")).build());
        flags.registerTrigger(Trigger.builder().when("a").setFlag("b").clearFlag("to-clear").build());
        flags.registerTrigger(Trigger.builder().when("b").callback(() -> order.append("b-callback;")).build());
        flags.registerTrigger(Trigger.builder().whenNot("to-clear")
                .callback(() -> order.append("cleared,b=" + flags.isSet("b") + ";")).build());
        flags.set("a");
        assertThat(order).hasToString("b-callback;cleared,b=true;callback;");
    }

    @Test
    void aTriggerDoesNotFireForAFlagAlreadySetNorForAValueChange() {
        AtomicInteger fired = new AtomicInteger();
        flags.set("a");
        flags.registerTrigger(Trigger.builder().when("a").callback(fired::incrementAndGet).build());
        flags.set("a", "new value");
        assertThat(fired).hasValue(0);
        flags.clear("a");
        flags.set("a");
        assertThat(fired).hasValue(1);
    }

    @Test
    void registeringTheSameTargetTwiceFiresItOnce() {
        AtomicInteger fired = new AtomicInteger();
        Runnable callback = fired::incrementAndGet;
        flags.registerTrigger(Trigger.builder().when("a").callback(callback).build());
        flags.registerTrigger(Trigger.builder().when("a").callback(callback).build());
        flags.set("a");
        assertThat(fired).hasValue(1);
    }

    @Test
    void flagNamesAreChecked() {
        assertThatThrownBy(() -> flags.set(" ")).hasMessageContaining("flag name is blank");
        assertThatThrownBy(() -> flags.isSet("app installed"))
                .hasMessageContaining("flag name \"app installed\" contains whitespace at index 3");
        assertThatThrownBy(() -> Trigger.builder().when("a").setFlag("").build())
                .hasMessageContaining("flag name is blank");
    }
}
