package dev.charms.reactive.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void unitNames() {
        assertThat(UnitName.parse("my-app2/10")).isEqualTo(new UnitName("my-app2", 10)).hasToString("my-app2/10");
        assertThat(UnitName.isUnitName("mysql/0")).isTrue();
        for (String bad : List.of("mysql", "mysql/", "/0", "MySQL/0", "mysql/01", "app-0/1", "mysql/-1", "2pac/0")) {
            assertThatThrownBy(() -> UnitName.parse(bad)).as(bad)
                    .hasMessage("\"" + bad + "\" is not a unit name: expected <application>/<number>, such as mysql/0");
        }
    }

    @Test
    void relationIds() {
        assertThat(RelationId.parse("db-admin:12")).isEqualTo(new RelationId("db-admin", 12)).hasToString("db-admin:12");
        assertThat(RelationId.parse("my_db:0").endpoint()).isEqualTo("my_db");
        assertThatThrownBy(() -> RelationId.parse("12")).hasMessage("\"12\" is not a relation id: expected <endpoint>:<number>, such as db:3");
    }

    @Test
    void jujuVersionsParseAndPrint() {
        assertThat(JujuVersion.parse("2.9.42.1")).isEqualTo(new JujuVersion(2, 9, "", 42, 1)).hasToString("2.9.42.1");
        assertThat(JujuVersion.parse("3.0-rc2")).isEqualTo(new JujuVersion(3, 0, "rc", 2, 0)).hasToString("3.0-rc2");
        assertThatThrownBy(() -> JujuVersion.parse("3.6")).hasMessageStartingWith("\"3.6\" is not a Juju version");
    }

    @Test
    void jujuVersionsSortPreReleasesBeforeReleases() {
        List<String> sorted = Stream.of("3.0.0", "2.9.42.1", "3.0-rc2", "3.0-beta1", "2.9.42", "3.6.1")
                .map(JujuVersion::parse).sorted().map(JujuVersion::toString).collect(Collectors.toList());

        assertThat(sorted).containsExactly("2.9.42", "2.9.42.1", "3.0-beta1", "3.0-rc2", "3.0.0", "3.6.1");
        assertThat(JujuVersion.parse("2.8.0").isAtLeast("2.8.0")).isTrue();
        assertThat(JujuVersion.parse("2.8-rc1").isAtLeast("2.8.0")).isFalse();
    }
}
