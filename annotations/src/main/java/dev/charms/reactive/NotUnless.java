package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs a warning naming the missing flags when the handler is invoked while any of these flags is not
 * set, then runs it anyway. It is an assertion for documentation, not a condition.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotUnless {
    /** The flags the handler expects to be set. */
    String[] value();

}
