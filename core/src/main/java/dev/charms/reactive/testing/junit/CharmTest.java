package dev.charms.reactive.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as testing one charm, and registers {@link CharmExtension}: test methods, lifecycle methods and
 * constructors of the class (and of its {@code @Nested} classes) may then take the charm under test as parameters of
 * these types:
 * <ul>
 *   <li>{@link dev.charms.reactive.testing.Harness}: one unit of the charm, with the relations, options and actions
 *       of its files ({@link dev.charms.reactive.testing.model.Charm#harness()}); declare the hook and run it;</li>
 *   <li>{@link dev.charms.reactive.testing.model.Charm}: the charm, to deploy or refresh in a model;</li>
 *   <li>{@link dev.charms.reactive.testing.model.Model}: a new model simulator, empty, or with the charm deployed
 *       when the parameter is annotated {@link Deployed}.</li>
 * </ul>
 * <pre>{@code
 * @CharmTest
 * class HelloCharmTest {
 *     @Test
 *     void installStartsTheService(Harness hello) {
 *         assertThat(hello.hook("install").run())
 *                 .invokedInOrder("HelloCharm.install", "HelloCharm.configure", "HelloCharm.start")
 *                 .hasStatus("active", "ready");
 *     }
 *
 *     @Test
 *     void everyUnitRunsConfigChanged(@Deployed(units = 2) Model model) {
 *         model.config("hello", "greeting", "hi");
 *         assertThat(model).unit("hello/1").invoked("HelloCharm.configure");
 *     }
 * }
 * }</pre>
 * The charm's files and handlers are read once per test class; a harness and a charm are immutable, so tests share
 * them, and every {@code Model} parameter is a new model. Using {@code @ExtendWith(CharmExtension.class)} in place of
 * this annotation is the same as {@code @CharmTest} with its defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CharmExtension.class)
public @interface CharmTest {
    /**
     * The charm's source directory, the one holding {@code metadata.yaml} (required), {@code config.yaml} and
     * {@code actions.yaml} (each optional); a relative path resolves against the working directory, which is the
     * module's directory when Maven runs the tests. Default: {@code src/main/charm}, where the reactive Maven plugin
     * reads the charm's files.
     */
    String charmDir() default "src/main/charm";

    /**
     * The charm's handler classes, in layer order (base layer first); each uses its generated index when present, else
     * its annotations by reflection. Default (none given): every handler index the annotation processor listed on the
     * test class path, in the order the runtime uses in the built charm (layer order, then class name), found as the
     * runtime finds them; name the classes here when the tests declare handler classes of their own.
     */
    Class<?>[] handlers() default {};
}
