package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when at least one named flag is not set. An empty list is always false.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(WhenNotAll.List.class)
public @interface WhenNotAll {
    /** The flag names; {@code {endpoint_name}} is allowed only in an endpoint class. */
    String[] value();

    /** Holds several {@code @WhenNotAll} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        WhenNotAll[] value();
    }
}
