package dev.charms.reactive.layers.flow;

import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.source.JarLayerFiles;
import dev.charms.reactive.layers.source.LayerKind;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javassist.bytecode.ClassFile;
import javassist.bytecode.MethodInfo;

/**
 * The class files of a charm's jars, looked up by binary name in classpath order (the first jar that has a class
 * wins, as on the runtime classpath), read with Javassist and kept once read; and what each jar is: the framework's
 * (it holds {@code Flags}), a layer's (it holds {@code reactive-layer/layer.yaml} or {@code interface.yaml}), or one
 * whose code may use the flags API at all. Not thread-safe.
 */
final class ClassFiles implements AutoCloseable {

    /** The class files of the framework's flags API, as a jar holds them. */
    private static final String FLAGS_CLASS = "dev/charms/reactive/flags/Flags.class";
    /** Text that only a class file using the flags API (flags, triggers, leadership) holds. */
    private static final List<String> FLAGS_API = List.of("dev/charms/reactive/flags/",
            "dev/charms/reactive/leadership/Leadership");

    private final List<ZipFile> jars = new ArrayList<>();
    private final Map<String, Optional<ClassFile>> cache = new HashMap<>();
    /** Binary class name to the jar it was read from. */
    private final Map<String, ZipFile> origins = new HashMap<>();
    /** Jar to whether calls into its classes are worth following (see {@link #followable}). */
    private final Map<ZipFile, Boolean> followable = new HashMap<>();

    /** Opens {@code jars}, in classpath order. */
    ClassFiles(List<Path> jars) {
        try {
            for (Path jar : jars) {
                this.jars.add(new ZipFile(jar.toFile()));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open the charm's jars: " + e.getMessage(), e);
        }
    }

    /** The open jars, in classpath order. */
    List<ZipFile> jars() {
        return jars;
    }

    /** The class with binary name {@code name} (e.g. {@code a.B$C}); empty when no jar has it. */
    Optional<ClassFile> find(String name) {
        return cache.computeIfAbsent(name, this::read);
    }

    /** The method {@code name} with {@code descriptor} declared by {@code type}, if any. */
    static Optional<MethodInfo> method(ClassFile type, String name, String descriptor) {
        return type.getMethods().stream()
                .filter(m -> m.getName().equals(name) && m.getDescriptor().equals(descriptor))
                .findFirst();
    }

    /**
     * The method a call to {@code name}{@code descriptor} on class {@code className} runs when the receiver is of
     * that class: declared by it or inherited from a superclass in the jars; empty when it is not in the jars or has
     * no code (abstract, native).
     */
    Optional<Resolved> resolve(String className, String name, String descriptor) {
        Optional<ClassFile> type = find(className);
        for (int depth = 0; depth < 64 && type.isPresent(); depth++) {
            Optional<MethodInfo> found = method(type.get(), name, descriptor);
            if (found.isPresent()) {
                ClassFile declaring = type.get();
                return found.filter(m -> m.getCodeAttribute() != null).map(m -> new Resolved(declaring, m));
            }
            String parent = type.get().getSuperclass();
            type = parent == null || name.equals("<init>") ? Optional.empty() : find(parent);
        }
        return Optional.empty();
    }

    /** A method with code and the class that declares it. */
    record Resolved(ClassFile type, MethodInfo method) {
    }

    /**
     * Whether the code of {@code className} may use the flags API, so calls into it are worth following: its jar is
     * not the framework's (whose flags are the automatic rules) and some class file of that jar names the flags API.
     * A jar of another library (JSON, YAML) is never read further than this one scan.
     */
    boolean followable(String className) {
        ZipFile jar = find(className).isPresent() ? origins.get(className) : null;
        return jar != null && followable.computeIfAbsent(jar, ClassFiles::usesFlags);
    }

    /** The file name of the layer jar {@code className} comes from; empty for the charm's own code. */
    Optional<String> layerJar(String className) {
        ZipFile jar = find(className).isPresent() ? origins.get(className) : null;
        if (jar == null || jar.getEntry(JarLayerFiles.PREFIX + LayerKind.LAYER.yamlFile()) == null
                && jar.getEntry(JarLayerFiles.PREFIX + LayerKind.INTERFACE.yamlFile()) == null) {
            return Optional.empty();
        }
        return Optional.of(Path.of(jar.getName()).getFileName().toString());
    }

    private static boolean usesFlags(ZipFile jar) {
        if (jar.getEntry(FLAGS_CLASS) != null) {
            return false;
        }
        for (ZipEntry entry : Collections.list(jar.entries())) {
            if (!entry.getName().endsWith(".class")) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                if (FLAGS_API.stream().anyMatch(text::contains)) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar.getName() + "!" + entry.getName(), e);
            }
        }
        return false;
    }

    /** Whether {@code type} extends {@code superclass}, directly or through classes found in the jars. */
    boolean isSubclass(ClassFile type, String superclass) {
        ClassFile current = type;
        for (int depth = 0; depth < 64; depth++) {
            String parent = current.getSuperclass();
            if (parent == null || parent.equals("java.lang.Object")) {
                return false;
            }
            if (parent.equals(superclass)) {
                return true;
            }
            Optional<ClassFile> next = find(parent);
            if (next.isEmpty()) {
                return false;
            }
            current = next.get();
        }
        return false;
    }

    private Optional<ClassFile> read(String name) {
        String entryName = name.replace('.', '/') + ".class";
        for (ZipFile jar : jars) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                ClassFile type = new ClassFile(new DataInputStream(new BufferedInputStream(in)));
                origins.put(name, jar);
                return Optional.of(type);
            } catch (IOException | RuntimeException e) {
                throw new LayerToolException(jar.getName() + ": " + entryName + " is not a readable class file ("
                        + e.getMessage() + "); rebuild the jar", e);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        for (ZipFile jar : jars) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // Read-only: nothing is lost when closing fails.
            }
        }
        jars.clear();
    }
}
