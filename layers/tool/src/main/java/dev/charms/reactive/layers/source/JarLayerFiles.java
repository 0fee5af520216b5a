package dev.charms.reactive.layers.source;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.SafePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A layer packaged in a jar: the files under the jar's {@value #PREFIX} folder, with {@code layer.yaml} (or
 * {@code interface.yaml} for an interface layer) at {@code reactive-layer/layer.yaml}. Zip entries carry no
 * dependable Unix modes, so files under {@code bin/}, {@code hooks/} and {@code actions/} are executable and
 * all others are not. The files are read once, when the jar is opened (layers are small).
 */
public final class JarLayerFiles implements LayerFiles {

    /** The folder inside a jar that holds a layer. */
    public static final String PREFIX = "reactive-layer/";

    private final String location;
    private final Map<String, byte[]> files;

    private JarLayerFiles(String location, Map<String, byte[]> files) {
        this.location = location;
        this.files = files;
    }

    /**
     * Opens the layer in {@code jar}, or returns empty when the jar has no {@code reactive-layer/layer.yaml} or
     * {@code reactive-layer/interface.yaml}. Reads only the jar's directory when it is not a layer.
     *
     * @throws LayerToolException for an entry whose path escapes the layer
     */
    public static Optional<JarLayerFiles> open(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(PREFIX + LayerKind.LAYER.yamlFile()) == null
                    && zip.getEntry(PREFIX + LayerKind.INTERFACE.yamlFile()) == null) {
                return Optional.empty();
            }
            String location = jar.toAbsolutePath() + "!/" + PREFIX.substring(0, PREFIX.length() - 1);
            Map<String, byte[]> files = new TreeMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PREFIX) && !entry.isDirectory()) {
                    String path = SafePath.check(entry.getName().substring(PREFIX.length()),
                            jar.toAbsolutePath() + "!/" + entry.getName());
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(path, in.readAllBytes());
                    }
                }
            }
            return Optional.of(new JarLayerFiles(location, Collections.unmodifiableMap(files)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jar " + jar, e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(path);
    }

    @Override
    public List<String> list(BiPredicate<String, Boolean> skip) {
        List<String> result = new ArrayList<>();
        for (String path : files.keySet()) {
            if (!skip.test(path, false)) {
                result.add(path);
            }
        }
        return result;
    }

    @Override
    public InputStream open(String path) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new LayerToolException(location(path) + ": no such file in the jar layer");
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public boolean executable(String path) {
        return path.startsWith("bin/") || path.startsWith("hooks/") || path.startsWith("actions/");
    }
}
