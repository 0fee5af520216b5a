package dev.charms.reactive.layers.flow;

import dev.charms.reactive.layers.LayerToolException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * wins, as on the runtime classpath), read with Javassist and kept once read. Not thread-safe.
 */
final class ClassFiles implements AutoCloseable {

    private final List<ZipFile> jars = new ArrayList<>();
    private final Map<String, Optional<ClassFile>> cache = new HashMap<>();

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
                return Optional.of(new ClassFile(new DataInputStream(new BufferedInputStream(in))));
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
