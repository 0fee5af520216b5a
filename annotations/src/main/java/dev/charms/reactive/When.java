package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when every named flag is set (alias of {@link WhenAll}, as {@code @when} is of
 * {@code @when_all} in charms.reactive).
 *
 * <p>The handler is tested after the hooks phase, in every iteration of the flag loop whose previous
 * iteration changed one of these flags (and always in the first iteration). Several condition annotations
 * on one method are ANDed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(When.List.class)
public @interface When {
    /** The flag names; {@code {endpoint_name}} is allowed only in an endpoint class. */
    String[] value();

    /** Holds several {@code @When} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        When[] value();
    }
}
