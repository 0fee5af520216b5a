package dev.charms.reactive.discovery;

import dev.charms.reactive.When;
import dev.charms.reactive.spi.HandlerIndex;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The slow path of {@link HandlerDiscovery}: reads every class file on a class loader's class path with
 * ClassGraph to find the classes with handler methods, for charms compiled without the annotation processor.
 *
 * <p>Reads only what it needs (class, method and annotation info), and skips what cannot hold a charm's
 * handlers: the JDK, the framework's own jars (found by the classes they contain; a test directory beside them
 * is still read) and the libraries the framework brings.
 */
final class ClasspathScan {

    /** A class found to have handlers, and its {@link ReactiveHandlers#declarationOrder}. */
    record HandlerClass(Class<?> type, List<String> declarationOrder) {
    }

    /** Resources that mark the framework's own jars: reactive-core and reactive-annotations. */
    private static final String[] FRAMEWORK_JARS = {
        HandlerIndex.class.getName().replace('.', '/') + ".class",
        When.class.getName().replace('.', '/') + ".class",
    };

    /** The libraries the framework depends on at run time. */
    private static final String[] FRAMEWORK_LIBRARIES = {
        "com.google.gson", "org.yaml.snakeyaml", "io.github.classgraph", "nonapi.io.github.classgraph",
    };

    private ClasspathScan() {
    }

    /**
     * The classes on {@code loader}'s own class path (not its parents') that declare handler methods, in
     * class path order (base layer first), then by class name. Loaded through {@code loader}, not initialized.
     *
     * @throws HandlerDiscoveryException naming every class that was found but cannot be loaded
     */
    static List<HandlerClass> handlerClasses(ClassLoader loader) {
        List<HandlerClass> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (ScanResult scan = new ClassGraph()
                .overrideClassLoaders(loader)
                .ignoreParentClassLoaders()
                .enableClassInfo()
                .enableMethodInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .rejectClasspathElementsContainingResourcePath(FRAMEWORK_JARS)
                .rejectPackages(FRAMEWORK_LIBRARIES)
                .scan()) {
            List<URI> layers = scan.getClasspathURIs();
            Comparator<ClassInfo> layerOrder = Comparator.comparingInt(c -> layers.indexOf(c.getClasspathElementURI()));
            List<ClassInfo> handlerClasses = scan.getAllClasses().stream()
                    .filter(c -> c.getDeclaredMethodInfo().stream().anyMatch(ReactiveHandlers::isHandler))
                    .sorted(layerOrder.thenComparing(ClassInfo::getName))
                    .toList();
            for (ClassInfo info : handlerClasses) {
                try {
                    Class<?> type = Class.forName(info.getName(), false, loader);
                    found.add(new HandlerClass(type, ReactiveHandlers.declarationOrder(info)));
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add(info.getName() + " (in " + info.getClasspathElementURI() + "): " + e);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HandlerDiscoveryException("Cannot load these handler classes found on the class path:\n  - "
                    + String.join("\n  - ", problems) + "\nA jar is missing or does not match the others; rebuild the"
                    + " charm.");
        }
        return found;
    }
}
