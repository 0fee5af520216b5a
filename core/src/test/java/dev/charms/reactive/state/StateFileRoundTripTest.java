package dev.charms.reactive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Property: any JSON object a hook can build comes back equal, and rewriting it gives the same bytes. */
class StateFileRoundTripTest {
    private static final int MAX_DEPTH = 3;

    @TempDir
    Path dir;

    @Test
    void everyJsonObjectRoundTripsAndRewritesToTheSameBytes() {
        StateFile file = StateFile.at(dir.resolve("state.json"));
        qt().withFixedSeed(20260101L).withExamples(150).forAll(object(MAX_DEPTH)).checkAssert(state -> {
            state.remove(StateFile.FORMAT_KEY);

            file.write(state);
            byte[] written = bytes(file.path());
            JsonObject read = file.read();
            file.write(read);

            assertThat(read).isEqualTo(state);
            assertThat(bytes(file.path())).isEqualTo(written);
        });
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of any Unicode code points (no lone surrogates: JSON files are UTF-8), from ASCII to emoji. */
    private static Gen<String> text() {
        Gen<String> ascii = strings().ascii().ofLengthBetween(0, 12);
        Gen<String> belowSurrogates = integers().between(0, 6)
                .flatMap(n -> strings().betweenCodePoints(0x80, 0xD7FF).ofFixedNumberOfCodePoints(n));
        Gen<String> aboveSurrogates = integers().between(0, 6)
                .flatMap(n -> strings().betweenCodePoints(0xE000, 0x10FFFF).ofFixedNumberOfCodePoints(n));
        return Generate.frequency(Pair.of(4, ascii), Pair.of(1, belowSurrogates), Pair.of(1, aboveSurrogates));
    }

    private static Gen<JsonElement> element(int depth) {
        Gen<JsonElement> leaf = Generate.oneOf(
                text().map(s -> (JsonElement) new JsonPrimitive(s)),
                longs().all().map(n -> (JsonElement) new JsonPrimitive(n)),
                doubles().any().assuming(Double::isFinite).map(d -> (JsonElement) new JsonPrimitive(d)),
                booleans().all().map(b -> (JsonElement) new JsonPrimitive(b)),
                Generate.constant(JsonNull.INSTANCE));
        if (depth == 0) {
            return leaf;
        }
        return Generate.frequency(List.of(
                Pair.of(4, leaf),
                Pair.of(1, object(depth - 1).map(o -> (JsonElement) o)),
                Pair.of(1, array(depth - 1))));
    }

    private static Gen<JsonElement> array(int depth) {
        return lists().of(element(depth)).ofSizeBetween(0, 4).map(items -> {
            JsonArray array = new JsonArray();
            items.forEach(array::add);
            return array;
        });
    }

    private static Gen<JsonObject> object(int depth) {
        Gen<Map.Entry<String, JsonElement>> member = text().zip(element(depth), Map::entry);
        return lists().of(member).ofSizes(integers().between(0, 5)).map(members -> {
            JsonObject object = new JsonObject();
            members.forEach(m -> object.add(m.getKey(), m.getValue()));
            return object;
        });
    }
}
