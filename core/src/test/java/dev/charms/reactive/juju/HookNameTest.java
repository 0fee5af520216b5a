package dev.charms.reactive.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookNameTest {

    @Test
    void classifiesEveryUnitHookByItsName() {
        for (HookKind kind : HookKind.values()) {
            if (!kind.fixedName().isEmpty()) {
                assertThat(HookName.ofHook(kind.fixedName())).isEqualTo(new HookName(kind.fixedName(), kind, Optional.empty()));
            }
        }
    }

    @Test
    void classifiesPerSubjectHooksBySuffix() {
        assertThat(HookName.ofHook("db-relation-joined")).isEqualTo(new HookName("db-relation-joined",
                HookKind.RELATION_JOINED, Optional.of("db")));
        assertThat(HookName.ofHook("my-db-relation-broken").endpoint()).contains("my-db");
        assertThat(HookName.ofHook("data-storage-attached").kind()).isEqualTo(HookKind.STORAGE_ATTACHED);
        assertThat(HookName.ofHook("data-storage-attached").subject()).contains("data");
        assertThat(HookName.ofHook("data-storage-attached").endpoint()).isEmpty();
        assertThat(HookName.ofHook("workload-pebble-check-recovered").kind()).isEqualTo(HookKind.PEBBLE_CHECK_RECOVERED);
        assertThat(HookName.ofHook("workload-pebble-ready").kind().isWorkload()).isTrue();
    }

    @Test
    void anUnknownNameIsOtherNotAnError() {
        assertThat(HookName.ofHook("some-future-hook").kind()).isEqualTo(HookKind.OTHER);
        assertThat(HookName.ofHook("-relation-joined").kind()).as("no endpoint").isEqualTo(HookKind.OTHER);
    }

    @Test
    void actionsHaveNoSubject() {
        assertThat(HookName.ofAction("backup")).isEqualTo(new HookName("backup", HookKind.ACTION, Optional.empty()));
        assertThatThrownBy(() -> new HookName("backup", HookKind.ACTION, Optional.of("x")))
                .hasMessage("ACTION hooks have no subject, got Optional[x] for backup");
    }
}
