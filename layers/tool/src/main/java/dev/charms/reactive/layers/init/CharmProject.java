package dev.charms.reactive.layers.init;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * A new charm project, written from the templates beside this class with the versions this tool was built with:
 * <pre>
 * pom.xml                                  reactive-core, reactive-processor, JUnit, AssertJ, reactive:build
 * src/main/charm/metadata.yaml             name, summary, description
 * src/main/charm/config.yaml               one option, greeting
 * src/main/charm/layer.yaml                includes layer:basic
 * src/main/java/PACKAGE/CLASS.java         two handlers: install, and configure on config.changed
 * src/test/java/PACKAGE/CLASSTest.java     their harness tests
 * .gitignore                               target/
 * </pre>
 *
 * @param name        the charm's name, as in metadata.yaml (e.g. {@code my-app})
 * @param packageName the Java package of the handler class (e.g. {@code com.example.myapp})
 */
public record CharmProject(String name, String packageName) {

    private static final Pattern CHARM_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");

    /** Checks the name and package, with the fix in the message. */
    public CharmProject {
        if (!CHARM_NAME.matcher(name).matches()) {
            throw new LayerToolException("\"" + name + "\" is not a valid charm name: use lower-case letters, digits"
                    + " and hyphens, starting with a letter, each hyphen-separated part containing a letter"
                    + " (e.g. my-app); give one with --name");
        }
        if (!SourceVersion.isName(packageName) || !packageName.equals(packageName.toLowerCase(Locale.ROOT))) {
            throw new LayerToolException("\"" + packageName + "\" is not a lower-case Java package name; give one"
                    + " with --package (e.g. com.example.myapp)");
        }
    }

    /** The project for charm {@code name} in the default package, {@code com.example.<name without hyphens>}. */
    public static CharmProject named(String name) {
        return new CharmProject(name, "com.example." + name.replace("-", ""));
    }

    /**
     * The charm name a directory suggests: its name in lower case, runs of other characters as one hyphen; may
     * still be invalid (e.g. {@code 2048}), which {@link CharmProject#CharmProject} reports.
     */
    public static String nameFor(Path dir) {
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String raw = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return raw.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The handler class's simple name: the name in camel case, then {@code Charm} ({@code my-app}: MyAppCharm). */
    public String className() {
        StringBuilder name = new StringBuilder();
        for (String part : this.name.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Charm").toString();
    }

    /**
     * Writes the project into {@code dir} (created if needed), refusing to replace any file that exists.
     *
     * @return the files written, relative to {@code dir}, in order
     * @throws LayerToolException naming the files that exist already, before writing anything
     */
    public List<String> writeTo(Path dir) throws IOException {
        Map<String, String> files = files();
        List<String> existing = files.keySet().stream().filter(f -> Files.exists(dir.resolve(f))).toList();
        if (!existing.isEmpty()) {
            throw new LayerToolException(dir + " already has " + String.join(", ", existing) + "; choose another"
                    + " directory, or move those files away (reactive init never replaces a file)");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return new ArrayList<>(files.keySet());
    }

    /** Every file of the project by relative path, filled in. */
    Map<String, String> files() {
        Properties versions = new Properties();
        try (InputStream in = CharmProject.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the versions reactive init writes", e);
        }
        Map<String, String> values = Map.of("@NAME@", name, "@PACKAGE@", packageName, "@CLASS@", className(),
                "@REACTIVE_VERSION@", versions.getProperty("reactive"), "@JUNIT_VERSION@",
                versions.getProperty("junit"), "@ASSERTJ_VERSION@", versions.getProperty("assertj"));
        String javaDir = packageName.replace('.', '/') + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", fill("pom.xml", values));
        files.put(".gitignore", fill("gitignore", values));
        files.put("src/main/charm/metadata.yaml", fill("metadata.yaml", values));
        files.put("src/main/charm/config.yaml", fill("config.yaml", values));
        files.put("src/main/charm/layer.yaml", fill("layer.yaml", values));
        files.put("src/main/java/" + javaDir + className() + ".java", fill("Charm.java", values));
        files.put("src/test/java/" + javaDir + className() + "Test.java", fill("CharmTest.java", values));
        return files;
    }

    private static String fill(String template, Map<String, String> values) {
        try (InputStream in = CharmProject.class.getResourceAsStream(template + ".template")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + template, e);
        }
    }
}
