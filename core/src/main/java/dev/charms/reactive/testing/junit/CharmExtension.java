package dev.charms.reactive.testing.junit;

import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves parameters of type {@link Harness}, {@link Charm} and {@link Model} to the charm under test of the test
 * class, as {@link CharmTest} describes; registered by {@code @CharmTest}, or by
 * {@code @ExtendWith(CharmExtension.class)} for the defaults. The charm is read once per test class, when a parameter
 * first needs it; an error reading it (a missing directory, a bad file, no handlers) fails each test that asks for it,
 * with a message naming the test class, the path or the file, and the fix.
 */
public final class CharmExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CharmExtension.class);
    private static final Set<Class<?>> TYPES = Set.of(Harness.class, Charm.class, Model.class);

    /** Made by JUnit for {@code @CharmTest} and {@code @ExtendWith}. */
    public CharmExtension() {
    }

    /** The charm under test: its files and handlers, and the harness made from them. */
    private record CharmUnderTest(Charm charm, Harness harness) {
    }

    /**
     * True for a parameter of type {@link Harness}, {@link Charm} or {@link Model}, and for any parameter annotated
     * {@link Deployed} (resolving one of another type fails, saying where the annotation belongs).
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType()) || parameter.isAnnotated(Deployed.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Optional<Deployed> deployed = parameter.findAnnotation(Deployed.class);
        if (deployed.isPresent() && type != Model.class) {
            throw new ExtensionConfigurationException("@Deployed goes on a parameter of type " + Model.class.getName()
                    + ", not " + type.getName());
        }
        if (type == Model.class && deployed.isEmpty()) {
            return new Model();
        }
        Class<?> testClass = context.getRequiredTestClass();
        CharmUnderTest underTest = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(testClass, CharmExtension::read, CharmUnderTest.class);
        if (type == Harness.class) {
            return underTest.harness();
        }
        if (type == Charm.class) {
            return underTest.charm();
        }
        Deployed deploy = deployed.orElseThrow();
        Model model = new Model();
        model.deploy(application(deploy, underTest.charm(), testClass), underTest.charm(), deploy.units());
        return model;
    }

    private static String application(Deployed deployed, Charm charm, Class<?> testClass) {
        if (!deployed.application().isEmpty()) {
            return deployed.application();
        }
        return charm.name().orElseThrow(() -> new ExtensionConfigurationException("the metadata.yaml of the charm"
                + " under test in " + testClass.getName() + " gives no name for the application; add \"name: <charm>\""
                + " to it, as Juju requires, or name the application: @Deployed(application = \"<name>\")"));
    }

    private static CharmUnderTest read(Class<?> testClass) {
        CharmTest settings = settings(testClass);
        Path dir = Path.of(settings.charmDir());
        if (!Files.isDirectory(dir)) {
            throw new ExtensionConfigurationException("the charm directory " + dir + " of " + testClass.getName()
                    + " does not exist: there is no directory " + dir.toAbsolutePath().normalize() + ". Name the"
                    + " directory that holds the charm's metadata.yaml, relative to " + Path.of("").toAbsolutePath()
                    + ", with @CharmTest(charmDir = \"...\")");
        }
        HandlerSet handlers = settings.handlers().length == 0 ? discover(testClass)
                : HandlerSet.of(Arrays.stream(settings.handlers()).map(HandlerDiscovery::forClass).toList());
        Charm charm = Charm.fromDirectory(dir, handlers);
        return new CharmUnderTest(charm, charm.harness());
    }

    /** The {@code @CharmTest} of the class or of a class enclosing it, else the defaults. */
    private static CharmTest settings(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            CharmTest settings = c.getAnnotation(CharmTest.class);
            if (settings != null) {
                return settings;
            }
        }
        return Defaults.class.getAnnotation(CharmTest.class);
    }

    /** Carries {@code @CharmTest} with its defaults, for test classes that register the extension alone. */
    @CharmTest
    private static final class Defaults {
    }

    /** The handler indexes on the test class path, as the runtime discovers them; never the fallback's scan. */
    private static HandlerSet discover(Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        String resource = HandlerDiscovery.SERVICE_RESOURCE;
        String nameThem = "; compile the charm with the annotation processor (reactive-processor on the compiler's"
                + " path), or name the handler classes: @CharmTest(handlers = {MyCharm.class})";
        if (loader.getResource(resource) == null) {
            throw new ExtensionConfigurationException("no handler index (" + resource + ") on the test class path of "
                    + testClass.getName() + nameThem);
        }
        List<String> warnings = new ArrayList<>();
        List<HandlerIndex> indexes = HandlerDiscovery.discover(loader, warnings::add);
        if (!warnings.isEmpty()) {
            throw new ExtensionConfigurationException("the handler indexes (" + resource + ") on the test class path"
                    + " of " + testClass.getName() + " list no handler class" + nameThem);
        }
        return HandlerSet.of(indexes);
    }
}
