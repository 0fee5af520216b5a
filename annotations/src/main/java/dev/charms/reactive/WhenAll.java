package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when every named flag is set. An empty list is always true.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(WhenAll.List.class)
public @interface WhenAll {
    /** The flag names; {@code {endpoint_name}} is allowed only in an endpoint class. */
    String[] value();

    /** Holds several {@code @WhenAll} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        WhenAll[] value();
    }
}
