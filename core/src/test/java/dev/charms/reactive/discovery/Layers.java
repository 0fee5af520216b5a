package dev.charms.reactive.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class path layers for discovery tests: directories or jars holding services files and copies of test
 * classes, and a class loader that sees the resources of those layers only. Classes still load from the test
 * class path (parent first), so the test and the code under test share them.
 */
final class Layers {
    private Layers() {
    }

    /** Writes the services file of {@code layer} with these lines. */
    static void listIndexes(Path layer, String... lines) throws IOException {
        Path file = layer.resolve(HandlerDiscovery.SERVICE_RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** Copies the class files of {@code classes} into {@code layer}, where a class path scan will find them. */
    static void copyClasses(Path layer, Class<?>... classes) throws IOException {
        for (Class<?> type : classes) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = layer.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, target);
            }
        }
    }

    /** Packs the directory {@code layer} into {@code jar}. */
    static Path jar(Path layer, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(layer)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(layer.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A class loader over {@code layers}, in that order, that hides the test class path's own resources. */
    static URLClassLoader loaderOver(Path... layers) {
        URL[] urls = Stream.of(layers).map(Layers::url).toArray(URL[]::new);
        return new URLClassLoader(urls, new ResourceHidingLoader(Layers.class.getClassLoader()));
    }

    private static URL url(Path layer) {
        try {
            return layer.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads classes from its parent but finds no resources, so only the layers' services files are seen. */
    private static final class ResourceHidingLoader extends ClassLoader {
        ResourceHidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return null;
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    }
}
