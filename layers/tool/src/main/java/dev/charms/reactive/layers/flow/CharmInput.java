package dev.charms.reactive.layers.flow;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the analysis reads of a charm: its jars in classpath order, and its {@code metadata.yaml} and
 * {@code config.yaml} when known. From a built charm directory or a {@code .charm} (the jars of {@code lib/}, in
 * the order of the {@code dispatch} script's classpath, else by name; the YAML files at the top), or from jars
 * (with the YAML files of a charm layer directory, when one is given). Closing deletes the jars a {@code .charm}
 * was unpacked into.
 */
public final class CharmInput implements AutoCloseable {

    private static final Pattern CLASSPATH = Pattern.compile("(?m)^classpath=\"([^\"]*)\"$");

    private final String name;
    private final List<Path> jars;
    private final Optional<String> metadata;
    private final Optional<String> config;
    private final Path unpacked;

    private CharmInput(String name, List<Path> jars, Optional<String> metadata, Optional<String> config,
            Path unpacked) {
        this.name = name;
        this.jars = List.copyOf(jars);
        this.metadata = metadata;
        this.config = config;
        this.unpacked = unpacked;
    }

    /**
     * Opens {@code charm}: a built charm directory, a {@code .charm} file or a jar.
     *
     * @param moreJars   jars to analyse after the charm's own
     * @param charmFiles a directory holding {@code metadata.yaml} and {@code config.yaml} (a charm's layer), read
     *                   in place of the charm's own; null to use the charm's
     * @throws LayerToolException when {@code charm} is none of these, naming what was expected
     */
    public static CharmInput open(Path charm, List<Path> moreJars, Path charmFiles) throws IOException {
        CharmInput input;
        if (Files.isDirectory(charm)) {
            input = directory(charm);
        } else if (charm.getFileName().toString().endsWith(".charm")) {
            input = archive(charm);
        } else if (charm.getFileName().toString().endsWith(".jar") && Files.isRegularFile(charm)) {
            input = new CharmInput(baseName(charm), List.of(charm), Optional.empty(), Optional.empty(), null);
        } else {
            throw new LayerToolException(charm + ": " + (Files.exists(charm) ? "not" : "no such")
                    + " built charm directory, .charm file or jar; give one of these (a charm built with"
                    + " reactive build, or the charm's jar)");
        }
        for (Path jar : moreJars) {
            if (!Files.isRegularFile(jar)) {
                input.close();
                throw new LayerToolException(jar + ": no such jar");
            }
        }
        List<Path> all = new ArrayList<>(input.jars);
        all.addAll(moreJars);
        if (charmFiles == null) {
            return new CharmInput(input.name, all, input.metadata, input.config, input.unpacked);
        }
        Optional<String> metadata = read(charmFiles.resolve("metadata.yaml"));
        return new CharmInput(charmName(metadata, input.name), all, metadata,
                Optional.of(read(charmFiles.resolve("config.yaml")).orElse("")), input.unpacked);
    }

    private static CharmInput directory(Path dir) throws IOException {
        Optional<String> metadata = read(dir.resolve("metadata.yaml"));
        Optional<String> dispatch = read(dir.resolve("dispatch"));
        List<String> names;
        try (Stream<Path> files = Files.isDirectory(dir.resolve("lib")) ? Files.list(dir.resolve("lib"))
                : Stream.empty()) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        List<Path> jars = ordered(names, dispatch).stream().map(n -> dir.resolve("lib").resolve(n)).toList();
        return new CharmInput(charmName(metadata, dir.toAbsolutePath().normalize().getFileName().toString()), jars,
                metadata, metadata.isPresent() ? read(dir.resolve("config.yaml")).or(() -> Optional.of(""))
                        : Optional.empty(), null);
    }

    private static CharmInput archive(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Optional<String> metadata = text(zip, "metadata.yaml");
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("lib/") && n.endsWith(".jar") && n.indexOf('/', 4) < 0)
                    .map(n -> n.substring(4)).sorted().toList();
            Path unpacked = Files.createTempDirectory("reactive-flow-");
            List<Path> jars = new ArrayList<>();
            for (String name : ordered(names, text(zip, "dispatch"))) {
                Path jar = unpacked.resolve(name);
                try (InputStream in = zip.getInputStream(zip.getEntry("lib/" + name))) {
                    Files.copy(in, jar);
                }
                jars.add(jar);
            }
            return new CharmInput(charmName(metadata, baseName(file)), jars, metadata,
                    metadata.isPresent() ? text(zip, "config.yaml").or(() -> Optional.of("")) : Optional.empty(),
                    unpacked);
        }
    }

    /** The jar names in the order of the dispatch script's classpath; those it does not list follow by name. */
    private static List<String> ordered(List<String> names, Optional<String> dispatch) {
        List<String> ordered = new ArrayList<>();
        Matcher classpath = CLASSPATH.matcher(dispatch.orElse(""));
        if (classpath.find()) {
            for (String entry : classpath.group(1).split(":")) {
                String name = entry.startsWith("lib/") ? entry.substring(4) : entry;
                if (names.contains(name) && !ordered.contains(name)) {
                    ordered.add(name);
                }
            }
        }
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return ordered;
    }

    private static String charmName(Optional<String> metadata, String fallback) {
        return metadata.flatMap(text -> text.lines().filter(l -> l.startsWith("name:")).findFirst())
                .map(l -> l.substring(5).strip().replaceAll("^['\"]|['\"]$", ""))
                .filter(n -> !n.isEmpty()).orElse(fallback);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    private static Optional<String> text(ZipFile zip, String entry) throws IOException {
        ZipEntry found = zip.getEntry(entry);
        if (found == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(found)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The charm's name: metadata.yaml's {@code name}, else the file or directory name. */
    public String name() {
        return name;
    }

    /** The jars to analyse, in classpath order. */
    public List<Path> jars() {
        return jars;
    }

    /** The text of metadata.yaml, when known. */
    public Optional<String> metadata() {
        return metadata;
    }

    /** The text of config.yaml (empty text when the charm has none), when the charm's files are known. */
    public Optional<String> config() {
        return config;
    }

    /** Deletes the jars unpacked from a {@code .charm}. */
    @Override
    public void close() {
        if (unpacked == null) {
            return;
        }
        try (Stream<Path> files = Files.list(unpacked)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(unpacked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unpacked jars in " + unpacked, e);
        }
    }
}
