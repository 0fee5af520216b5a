package dev.charms.reactive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

class UnitStateTest {

    @Test
    void everySectionSurvivesTheJsonRoundTrip() {
        UnitState state = UnitState.empty();
        state.setFlag("b.flag", new JsonPrimitive("value"));
        state.setFlag("a.flag", null);
        state.markInvoked("com.example.Charm.bootstrap");
        state.recordFileHash("com.example.Charm.reload", "/etc/app.conf", "abc");
        state.recordDataHash("key", "def");
        JsonObject config = new JsonObject();
        config.addProperty("port", 80);
        state.savePreviousConfig(config);
        JsonObject leadership = new JsonObject();
        leadership.addProperty("password", "x");
        state.saveLeadershipSnapshot(leadership);
        state.putNamespace("endpoints", new JsonPrimitive(1));

        JsonObject json = state.toJson();
        assertThat(json.has("format")).as("the state file owns the format version").isFalse();
        assertThat(json.getAsJsonObject("flags").keySet()).containsExactly("a.flag", "b.flag");
        UnitState read = UnitState.fromJson(JsonParser.parseString(json.toString()).getAsJsonObject());
        assertThat(read).isEqualTo(state);
        assertThat(read.fileHash("com.example.Charm.reload", "/etc/app.conf")).contains("abc");
        assertThat(read.previousConfig()).contains(config);
        assertThat(read.namespace("endpoints")).contains(new JsonPrimitive(1));
    }

    @Test
    void anEmptyObjectIsANewUnit() {
        UnitState state = UnitState.fromJson(new JsonObject());
        assertThat(state.flags()).isEmpty();
        assertThat(state.previousConfig()).isEmpty();
    }

    @Test
    void aMalformedSectionIsRefusedNotReset() {
        assertThatThrownBy(() -> UnitState.fromJson(JsonParser.parseString("{\"flags\": []}")
                .getAsJsonObject())).hasMessageContaining("section \"flags\" must be an object");
    }

    @Test
    void copiesAreIndependent() {
        UnitState state = UnitState.empty();
        UnitState copy = state.copy();
        copy.setFlag("x", null);
        assertThat(state.isSet("x")).isFalse();
    }

    @Test
    void isChangedComparesWithoutStoring() {
        DataChanged data = new DataChanged(UnitState.empty());
        assertThat(data.isChanged("k", 1)).isTrue();
        assertThat(data.isChanged("k", 1)).isTrue();
        assertThat(data.changed("k", java.util.Map.of("b", 2, "a", 1))).isTrue();
        assertThat(data.isChanged("k", new java.util.TreeMap<>(java.util.Map.of("a", 1, "b", 2)))).isFalse();
    }
}
