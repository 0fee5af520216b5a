package dev.charms.reactive.discovery;

import dev.charms.reactive.spi.HandlerIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds a charm's handlers: the {@link HandlerIndex} classes the annotation processor generated, or, for code
 * compiled without it, the annotated classes themselves.
 *
 * <p><b>Order.</b> The result is in the order the dispatcher tests handlers, and it is deterministic:
 * <ol>
 *   <li>layer order, base layer first: the order in which the jars and directories listing the indexes
 *       appear on the class path ({@link ClassLoader#getResources} of {@link #SERVICE_RESOURCE});</li>
 *   <li>within one jar, the handler class's name ({@link HandlerIndex#handlerClass()}, not the index's);</li>
 *   <li>within one class, declaration order, which each index already keeps.</li>
 * </ol>
 * An index listed in several jars counts in the first.
 *
 * <p><b>Fallback.</b> When no index is found at all, it scans the class loader's class path for classes
 * with handler annotations (see {@link ReactiveHandlers}), in the same order, and reports a warning that
 * names them and says the processor was not run. Scanning reads every class file, which is much slower than
 * loading indexes. It skips the framework's own jars, so a fat jar that bundles the framework with the
 * charm must be built with the processor.
 */
public final class HandlerDiscovery {

    /** Where the processor lists the generated indexes, one class name a line. */
    public static final String SERVICE_RESOURCE = "META-INF/services/" + HandlerIndex.class.getName();

    private static final String ADD_THE_PROCESSOR = "The annotation processor was not run: add reactive-processor"
            + " to the annotation processor path for faster start and compile-time checks.";

    private HandlerDiscovery() {
    }

    /**
     * The handler indexes visible to {@code loader}, in dispatch order (see the class comment). Never null;
     * empty, with a warning, for a charm with no handlers at all.
     *
     * @param loader the charm's class loader, normally the application class loader
     * @param warnings receives the fallback's warning, one call with one message, or nothing when indexes
     *        were found
     * @throws HandlerDiscoveryException if a listed index or a scanned handler class cannot be loaded or used;
     *         the message names each one at fault and the fix
     */
    public static List<HandlerIndex> discover(ClassLoader loader, Consumer<String> warnings) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(warnings, "warnings");
        Map<String, Integer> layerOfIndex = layerOfEachListedIndex(loader);
        List<HandlerIndex> indexes;
        try {
            indexes = ServiceLoader.load(HandlerIndex.class, loader).stream()
                    .map(ServiceLoader.Provider::get)
                    .sorted(Comparator.<HandlerIndex>comparingInt(
                                    index -> layerOfIndex.getOrDefault(index.getClass().getName(), Integer.MAX_VALUE))
                            .thenComparing(index -> index.handlerClass().getName()))
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new HandlerDiscoveryException("Cannot load a handler index listed in " + SERVICE_RESOURCE + ": "
                    + e.getMessage() + ". A jar does not match the index it lists; rebuild the charm.", e);
        }
        return indexes.isEmpty() ? scan(loader, warnings) : indexes;
    }

    /**
     * The index of one handler class: the processor's {@code <SimpleName>_ReactiveHandlers} (for a nested class
     * {@code Outer_Inner_ReactiveHandlers}) when the class's loader finds it, else one built by reflection with
     * {@link ReactiveHandlers#of}, without a warning. This is how the test harness runs the classes it is given.
     * Never null.
     *
     * @throws HandlerDiscoveryException if the generated index exists but cannot be used, or the class's handlers
     *         cannot be used (see {@link ReactiveHandlers#of})
     */
    public static HandlerIndex forClass(Class<?> handlerClass) {
        Objects.requireNonNull(handlerClass, "handlerClass");
        String packageName = handlerClass.getPackageName();
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        String generated = prefix + handlerClass.getName().substring(prefix.length()).replace('$', '_')
                + "_ReactiveHandlers";
        Class<?> indexClass;
        try {
            indexClass = Class.forName(generated, true, handlerClass.getClassLoader());
        } catch (ClassNotFoundException e) {
            return ReactiveHandlers.of(handlerClass);
        }
        try {
            HandlerIndex index = (HandlerIndex) indexClass.getDeclaredConstructor().newInstance();
            if (index.handlerClass() != handlerClass) {
                throw new HandlerDiscoveryException(generated + " indexes " + index.handlerClass().getName()
                        + ", not " + handlerClass.getName() + "; rebuild so the processor writes it again");
            }
            return index;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new HandlerDiscoveryException("Found " + generated + " but cannot use it as the handler index of "
                    + handlerClass.getName() + ": " + e + ". Rebuild so the processor writes it again.", e);
        }
    }

    private static List<HandlerIndex> scan(ClassLoader loader, Consumer<String> warnings) {
        List<ClasspathScan.HandlerClass> found = ClasspathScan.handlerClasses(loader);
        if (found.isEmpty()) {
            warnings.accept("No handler index (" + SERVICE_RESOURCE + ") and no class with handler annotations"
                    + " on the class path: this charm has no handlers. " + ADD_THE_PROCESSOR);
            return List.of();
        }
        warnings.accept("No handler index (" + SERVICE_RESOURCE + ") on the class path; found handlers by"
                + " scanning every class instead, in " + found.stream()
                        .map(handlerClass -> handlerClass.type().getName())
                        .collect(Collectors.joining(", "))
                + ". " + ADD_THE_PROCESSOR);
        List<HandlerIndex> indexes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ClasspathScan.HandlerClass handlerClass : found) {
            try {
                indexes.add(ReactiveHandlers.of(handlerClass.type(), handlerClass.declarationOrder()));
            } catch (HandlerDiscoveryException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new HandlerDiscoveryException(String.join("\n", problems));
        }
        return indexes;
    }

    /** For each index class name, the position on the class path of the first services file listing it. */
    private static Map<String, Integer> layerOfEachListedIndex(ClassLoader loader) {
        Map<String, Integer> layers = new HashMap<>();
        try {
            List<URL> files = Collections.list(loader.getResources(SERVICE_RESOURCE));
            for (int layer = 0; layer < files.size(); layer++) {
                for (String name : listedClasses(files.get(layer))) {
                    layers.putIfAbsent(name, layer);
                }
            }
        } catch (IOException e) {
            throw new HandlerDiscoveryException("Cannot read the handler index lists " + SERVICE_RESOURCE
                    + " on the class path: " + e, e);
        }
        return layers;
    }

    /** The class names in a services file: one a line, {@code #} starts a comment, blanks ignored. */
    private static List<String> listedClasses(URL file) throws IOException {
        URLConnection connection = file.openConnection();
        connection.setUseCaches(false);
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
