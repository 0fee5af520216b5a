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
 *
 * <p>A marked <em>interface</em> needs no resolver when the charm implements it: a layer declares the interface and
 * takes it as a parameter, and the charm implements it on one of its handler classes (the parameter then receives the
 * object that class's handlers run on) or on a class it lists in {@code META-INF/services/<interface name>}. This is
 * how a layer asks the charm for code, e.g. the refresh layer's {@code RefreshWorkload}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Injectable {
}
