package dev.charms.reactive.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.internal.DurableFiles;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.ParameterResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * What the charm's jars provide, as the bootstrap found it: the handler indexes ({@link HandlerDiscovery}, in
 * dispatch order) and the {@link ParameterResolver}s listed for {@link ServiceLoader}, stored with the path,
 * size and modification time of every entry of the JVM's class path.
 *
 * <p>Finding them opens every jar on the class path to look for {@code META-INF/services} files, which costs a
 * hook more than loading what they list. The bootstrap writes this record ({@code Main --train}); a hook loads
 * the classes it names when the class path is still exactly the one recorded, with every jar the same size and
 * age (the test the JVM applies to its class-data-sharing archive). Otherwise, and for any other class loader
 * or a class path with directories, the hook looks them up itself.
 *
 * @param indexes the handler indexes, created
 * @param resolvers the parameter resolvers, created
 */
record ClassPathRecord(List<HandlerIndex> indexes, List<ParameterResolver> resolvers) {
    private static final int FORMAT = 1;

    ClassPathRecord {
        indexes = List.copyOf(indexes);
        resolvers = List.copyOf(resolvers);
    }

    /**
     * The classes recorded in {@code file}, loaded and created with {@code loader}, when {@code loader} is the
     * system class loader and its class path is the one recorded.
     */
    static Optional<ClassPathRecord> read(Path file, ClassLoader loader) {
        return systemClassPath(loader).flatMap(classPath -> read(file, loader, classPath));
    }

    /** {@link #read(Path, ClassLoader)} for a loader whose class path is {@code classPath}. */
    static Optional<ClassPathRecord> read(Path file, ClassLoader loader, List<Path> classPath) {
        Optional<JsonArray> entries = describe(classPath);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (root.get("format").getAsInt() != FORMAT
                    || !root.get("classPath").toString().equals(entries.get().toString())) {
                return Optional.empty();
            }
            List<HandlerIndex> indexes = create(root.getAsJsonArray("indexes"), HandlerIndex.class, loader);
            if (indexes.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClassPathRecord(indexes,
                    create(root.getAsJsonArray("resolvers"), ParameterResolver.class, loader)));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError stale) {
            // Missing, damaged or naming a class that cannot be used: the hook's own look-up finds the truth, or
            // says what is wrong with a jar in its own words.
            return Optional.empty();
        }
    }

    /**
     * Looks up the handler indexes and parameter resolvers {@code loader} sees and records them in {@code file}
     * (replaced atomically), or deletes {@code file} when they cannot be recorded: another loader than the
     * system class loader, a class path with directories, or no handler index listed in
     * {@code META-INF/services} (discovery then scans the class path, and warns, in every hook).
     *
     * @return whether a record was written
     * @throws IOException when the file cannot be written or deleted
     * @throws dev.charms.reactive.discovery.HandlerDiscoveryException when an index cannot be loaded
     */
    static boolean write(Path file, ClassLoader loader) throws IOException {
        Optional<List<Path>> classPath = systemClassPath(loader);
        if (classPath.isEmpty()) {
            Files.deleteIfExists(file);
            return false;
        }
        return write(file, loader, classPath.get());
    }

    /** {@link #write(Path, ClassLoader)} for a loader whose class path is {@code classPath}. */
    static boolean write(Path file, ClassLoader loader, List<Path> classPath) throws IOException {
        Optional<JsonArray> entries = describe(classPath);
        List<HandlerIndex> indexes = HandlerDiscovery.discover(loader, warning -> { });
        if (entries.isEmpty() || indexes.isEmpty() || !listed(indexes, loader)) {
            Files.deleteIfExists(file);
            return false;
        }
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.add("classPath", entries.get());
        root.add("indexes", names(indexes));
        root.add("resolvers", names(ServiceLoader.load(ParameterResolver.class, loader)));
        DurableFiles.replace(file, root.toString());
        return true;
    }

    /** Whether every index is one the class path lists, not one that discovery's scan built by reflection. */
    private static boolean listed(List<HandlerIndex> indexes, ClassLoader loader) {
        Set<Class<?>> listed = new HashSet<>();
        ServiceLoader.load(HandlerIndex.class, loader).stream().forEach(provider -> listed.add(provider.type()));
        for (HandlerIndex index : indexes) {
            if (!listed.contains(index.getClass())) {
                return false;
            }
        }
        return true;
    }

    private static JsonArray names(Iterable<?> instances) {
        JsonArray names = new JsonArray();
        instances.forEach(instance -> names.add(instance.getClass().getName()));
        return names;
    }

    /** Creates each named class with its public no-argument constructor, as {@link ServiceLoader} does. */
    private static <T> List<T> create(JsonArray names, Class<T> type, ClassLoader loader)
            throws ReflectiveOperationException {
        List<T> instances = new ArrayList<>();
        for (JsonElement name : names) {
            instances.add(type.cast(Class.forName(name.getAsString(), true, loader).getConstructor().newInstance()));
        }
        return instances;
    }

    /** The entries of the JVM's class path, when {@code loader} is the system class loader that reads it. */
    private static Optional<List<Path>> systemClassPath(ClassLoader loader) {
        if (loader != ClassLoader.getSystemClassLoader()) {
            return Optional.empty();
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            entries.add(Path.of(entry));
        }
        return Optional.of(entries);
    }

    /**
     * The absolute path, size and modification time (ms) of each class path entry; empty when an entry is not a
     * regular file (a directory's content cannot be vouched for by its size and age).
     */
    private static Optional<JsonArray> describe(List<Path> classPath) {
        JsonArray entries = new JsonArray();
        for (Path entry : classPath) {
            Path path = entry.toAbsolutePath().normalize();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            JsonObject json = new JsonObject();
            json.addProperty("path", path.toString());
            json.addProperty("size", attributes.size());
            json.addProperty("modified", attributes.lastModifiedTime().toMillis());
            entries.add(json);
        }
        return Optional.of(entries);
    }
}
