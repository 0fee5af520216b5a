package dev.charms.reactive.layers.build;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.source.Layer;
import dev.charms.reactive.layers.source.LayerStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The {@code .build.manifest} of a built charm, in charm-tools' JSON shape: {@code layers} (base first, then
 * the interfaces; each with name, kind, url, and the jar it came from) and {@code signatures} (per file, sorted:
 * origin layer, {@code static} or {@code dynamic}, sha256 of the written file; a symlink's sha256 is that of its
 * target text). Nothing in it depends on where the build ran, so archives stay reproducible.
 */
final class BuildManifest {

    static final String FILE = ".build.manifest";

    private BuildManifest() {
    }

    /** One file's signature. */
    record Signature(String origin, boolean dynamic, String sha256) {
    }

    static String render(LayerStack stack, SortedMap<String, Signature> signatures) {
        JsonArray layers = new JsonArray();
        for (List<Layer> group : List.of(stack.layers(), stack.interfaces())) {
            for (Layer layer : group) {
                JsonObject entry = new JsonObject();
                entry.addProperty("name", layer.name());
                entry.addProperty("kind", layer.kind().prefix());
                entry.addProperty("url", layer.url());
                layer.jarName().ifPresent(jar -> entry.addProperty("jar", jar));
                layers.add(entry);
            }
        }
        JsonObject files = new JsonObject();
        files.add(FILE, array("build", "dynamic", "unchecked"));
        signatures.forEach((path, signature) -> files.add(path,
                array(signature.origin(), signature.dynamic() ? "dynamic" : "static", signature.sha256())));
        JsonObject manifest = new JsonObject();
        manifest.add("layers", layers);
        manifest.add("signatures", files);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest) + "\n";
    }

    /**
     * The sha256 of every file a previous build recorded, by relative path ({@code .build.manifest} itself left
     * out).
     *
     * @throws LayerToolException when the manifest is not the JSON a build writes
     */
    static Map<String, String> readSignatures(Path manifest) throws IOException {
        Map<String, String> shas = new HashMap<>();
        try {
            JsonObject files = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("signatures");
            for (Map.Entry<String, JsonElement> entry : files.entrySet()) {
                if (!entry.getKey().equals(FILE)) {
                    shas.put(entry.getKey(), entry.getValue().getAsJsonArray().get(2).getAsString());
                }
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException | IndexOutOfBoundsException e) {
            throw new LayerToolException(manifest + ": not a build manifest (" + e.getMessage() + "); remove the"
                    + " directory or rerun with --force to replace it", e);
        }
        return shas;
    }

    /** The sha256 of a file's bytes, or of a symbolic link's target text, in lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        if (Files.isSymbolicLink(file)) {
            digest.update(Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8));
        } else {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static JsonArray array(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
