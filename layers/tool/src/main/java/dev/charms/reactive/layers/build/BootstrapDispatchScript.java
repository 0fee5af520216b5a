package dev.charms.reactive.layers.build;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code dispatch} script of every charm, from the options of layer {@code basic}: {@code java-version} (the
 * oldest Java the charm runs on, at least 17) and {@code packages} (extra apt packages). The script (the resource
 * {@code dispatch.sh} beside this class, with its placeholders filled in) sets {@code JUJU_DISPATCH_PATH} for
 * Juju before 2.8, bootstraps on the first hook and again on {@code upgrade-charm} and
 * {@code post-series-upgrade} (finds or installs Java, installs the packages, prepares a class-data-sharing
 * archive by running {@code dev.charms.reactive.Main --train}), and execs {@code dev.charms.reactive.Main}.
 * The classpath lists the jars one by one, in classpath order, because the order of a {@code lib/*} wildcard is
 * unspecified and handler order follows jar order.
 */
public final class BootstrapDispatchScript implements DispatchScript {

    /** The oldest Java the runtime runs on. */
    public static final int MINIMUM_JAVA = 17;

    /** An apt package name, with an optional architecture and version: {@code libfoo1:amd64=1.2-3}. */
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?(=[A-Za-z0-9.+:~-]+)?");
    private static final String TEMPLATE = template();

    @Override
    public String render(Context context) {
        Map<String, Object> basic = context.options().get("basic");
        if (basic == null) {
            throw new IllegalArgumentException("the options of layer basic are missing; layer options resolve "
                    + "every defined option, so layer basic is not in the stack of " + context.charmName());
        }
        String classpath = context.libJars().stream().map(jar -> "lib/" + jar).collect(Collectors.joining(":"));
        return TEMPLATE.replace("@CHARM_NAME@", context.charmName())
                .replace("@JAVA_VERSION@", Integer.toString(javaVersion(basic.get("java-version"))))
                .replace("@PACKAGES@", String.join(" ", packages(basic.get("packages"))))
                .replace("@CLASSPATH@", classpath);
    }

    private static int javaVersion(Object value) {
        if (!(value instanceof Number number) || number.longValue() < MINIMUM_JAVA || number.longValue() > 999) {
            throw new LayerToolException("options.basic.java-version: " + value + " is not a Java version this "
                    + "runtime runs on; set it in layer.yaml to " + MINIMUM_JAVA + " or later, such as 21");
        }
        return number.intValue();
    }

    private static List<String> packages(Object value) {
        List<?> list = value instanceof List<?> given ? given : List.of();
        List<String> names = list.stream().map(String::valueOf).collect(Collectors.toList());
        for (String name : names) {
            if (!PACKAGE.matcher(name).matches()) {
                throw new LayerToolException("options.basic.packages: '" + name + "' is not an apt package name "
                        + "(lower-case letters, digits and + - ., optionally :arch and =version); fix it in layer.yaml");
            }
        }
        return names;
    }

    private static String template() {
        try (InputStream in = BootstrapDispatchScript.class.getResourceAsStream("dispatch.sh")) {
            if (in == null) {
                throw new IllegalStateException("resource dispatch.sh is missing from the layer tool jar, next to "
                        + BootstrapDispatchScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource dispatch.sh: " + e.getMessage(), e);
        }
    }
}
