package dev.charms.reactive.state;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link StateFileCrashTest}: commits state after state to one file until it is killed.
 *
 * <p>Prints {@code ready} once loaded and warmed up, waits for a line on standard input, reads the file, then
 * for each counter value after the one it found prints {@code begin <n>}, writes {@link #state(long)} and
 * prints {@code done <n>}. A kill after {@code begin n} and before {@code done n} interrupted the write of
 * state n.
 */
public final class StateFileCommitLoop {
    private static final int PAYLOAD_CHUNKS = 6;
    private static final int CHUNK_REPEATS = 1_500;
    private static final int WARM_UP_COMMITS = 10;

    private StateFileCommitLoop() {
    }

    /**
     * The state committed for counter {@code n}: about 200 KB in a few long strings, so that a good part of a
     * commit is spent writing and syncing the temporary file rather than serializing the JSON.
     */
    static JsonObject state(long n) {
        JsonObject state = new JsonObject();
        state.addProperty("n", n);
        JsonArray payload = new JsonArray();
        for (int i = 0; i < PAYLOAD_CHUNKS; i++) {
            payload.add(("commit " + n + ", chunk " + i + "; ").repeat(CHUNK_REPEATS));
        }
        state.add("payload", payload);
        return state;
    }

    /** The counter of a committed state; 0 for the empty state of a unit that has never committed. */
    static long counter(JsonObject state) {
        return state.has("n") ? state.get("n").getAsLong() : 0;
    }

    /** Arguments: the state file, and a scratch file to warm up on so commits run at full speed when timed. */
    public static void main(String[] args) throws IOException {
        StateFile file = StateFile.at(Path.of(args[0]));
        StateFile scratch = StateFile.at(Path.of(args[1]));
        for (int i = 0; i < WARM_UP_COMMITS; i++) {
            scratch.write(state(i));
        }
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            return;
        }
        for (long n = counter(file.read()) + 1; ; n++) {
            JsonObject state = state(n);
            System.out.println("begin " + n);
            file.write(state);
            System.out.println("done " + n);
        }
    }
}
