package dev.charms.reactive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final List<ConfigOption> OPTIONS = List.of(ConfigOption.integer("port", 80L),
            ConfigOption.string("name", null), ConfigOption.bool("debug", false), new ConfigOption("ratio", "float", 0.5));

    private static Config config(Map<String, Object> values) {
        JsonObject previous = new JsonObject();
        previous.addProperty("port", 80);
        return new Config(OPTIONS, values, Optional.of(previous));
    }

    @Test
    void typedGettersReadConfigGetValues() {
        Map<String, Object> values = new HashMap<>();
        values.put("port", 8080.0);
        values.put("name", "web");
        values.put("debug", true);
        values.put("ratio", 1.0);
        Config config = config(values);
        assertThat(config.getInt("port")).isEqualTo(8080);
        assertThat(config.getLong("port")).isEqualTo(8080L);
        assertThat(config.getString("name")).isEqualTo("web");
        assertThat(config.getBoolean("debug")).isTrue();
        assertThat(config.getDouble("ratio")).isEqualTo(1.0);
        assertThat(config.get("port")).contains(8080L);
        assertThat(config.get("ratio")).contains(1.0);
        assertThat(config.changed("port")).isTrue();
        assertThat(config.previous("port")).contains(80L);
        assertThat(config.changed("name")).isTrue();
    }

    @Test
    void missingAndMistypedValuesAreExplained() {
        Map<String, Object> values = new HashMap<>();
        values.put("port", "eighty");
        values.put("name", null);
        Config config = config(values);
        assertThat(config.get("name")).isEmpty();
        assertThatThrownBy(() -> config.getString("name"))
                .hasMessage("config option \"name\" has no value and no default; use config.get(\"name\") to handle "
                        + "that, or give it a default in config.yaml");
        assertThatThrownBy(() -> config.getInt("port")).hasMessage("config option \"port\" is \"eighty\", not a whole number");
        assertThatThrownBy(() -> config.getString("prot"))
                .hasMessage("config option \"prot\" is not declared in config.yaml; did you mean \"port\"?");
        assertThatThrownBy(() -> config.get("zzzzzz"))
                .hasMessageEndingWith("declared options: port, name, debug, ratio");
    }

    @Test
    void everythingHasChangedBeforeTheFirstSuccessfulHook() {
        Config config = new Config(OPTIONS, Map.of("port", 80), Optional.empty());
        assertThat(config.changed("port")).isTrue();
        assertThat(config.previous("port")).isEmpty();
    }
}
