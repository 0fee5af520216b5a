package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when none of the named flags is set (alias of {@link WhenNone}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(WhenNot.List.class)
public @interface WhenNot {
    /** The flag names; {@code {endpoint_name}} is allowed only in an endpoint class. */
    String[] value();

    /** Holds several {@code @WhenNot} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        WhenNot[] value();
    }
}
