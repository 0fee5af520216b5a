package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler at most once in the life of the unit: after it has run in a successful hook, it never
 * runs again. Keyed by the handler id ({@code fully.qualified.Class.method}), so editing the source does not
 * re-run it; renaming the class or method does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnlyOnce {
}
