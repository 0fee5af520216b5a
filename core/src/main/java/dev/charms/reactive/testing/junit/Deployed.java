package dev.charms.reactive.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link dev.charms.reactive.testing.model.Model} parameter of a {@link CharmTest} class: the model has the charm
 * under test deployed, its units' deploy hooks run ({@code install}, {@code leader-elected} or
 * {@code leader-settings-changed}, {@code config-changed}, {@code start}, ...), as
 * {@link dev.charms.reactive.testing.model.Model#deploy} does.
 * <pre>{@code
 * @Test
 * void scalesOut(@Deployed(units = 3) Model model) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Deployed {
    /** How many units to deploy; 1 or more. */
    int units() default 1;

    /**
     * The application's name. Default (empty): the charm's {@code name} in its {@code metadata.yaml}, as
     * {@code juju deploy} names it.
     */
    String application() default "";
}
