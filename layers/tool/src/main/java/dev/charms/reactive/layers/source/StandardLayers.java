package dev.charms.reactive.layers.source;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The layers shipped with the tool ({@code basic}, ...): every {@code reactive-layer/layer.yaml} visible to a
 * class loader, in a jar or in a classes directory. They are searched after the directories and the charm's
 * classpath, so a charm can replace one.
 */
public final class StandardLayers {

    private StandardLayers() {
    }

    /** The layers visible to {@code loader}, in the loader's order. */
    public static List<LayerFiles> find(ClassLoader loader) {
        List<LayerFiles> layers = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(JarLayerFiles.PREFIX + LayerKind.LAYER.yamlFile());
            while (urls.hasMoreElements()) {
                layers.add(open(urls.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the standard layers", e);
        }
        return layers;
    }

    private static LayerFiles open(URL url) throws IOException {
        try {
            if (url.getProtocol().equals("jar")) {
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                return JarLayerFiles.open(Path.of(jar.toURI())).orElseThrow();
            }
            if (url.getProtocol().equals("file")) {
                return new DirectoryLayerFiles(Path.of(url.toURI()).getParent(), Set.of());
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        throw new LayerToolException("standard layer at " + url + ": only jars and directories are supported");
    }
}
