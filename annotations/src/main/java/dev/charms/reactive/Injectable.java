package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type that handler methods may take as a parameter.
 *
 * <p>The annotation processor accepts a handler parameter only if its type, or a supertype, carries this
 * annotation. Every framework type a handler can receive ({@code Flags}, {@code Config}, {@code Status},
 * endpoints, ...) is marked. A charm or layer that adds its own injectable type marks it and registers a
 * {@code dev.charms.reactive.spi.ParameterResolver} for it with {@link java.util.ServiceLoader}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Injectable {
}
