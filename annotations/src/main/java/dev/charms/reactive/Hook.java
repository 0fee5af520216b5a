package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler in the hooks phase of a dispatch whose hook name matches one of the patterns.
 *
 * <p>A pattern may contain {@code {role:interface}}, which expands to every relation of that role
 * ({@code provides}, {@code requires}, {@code peers}) and interface in {@code metadata.yaml}, and
 * {@code {a,b}} alternatives, each occurrence expanded in turn: {@code {db:pgsql}-relation-{joined,changed}}.
 * A name matches when it equals one expansion exactly. {@code @Hook} cannot be combined with a
 * {@code @When*} annotation: the two run in different phases, so the handler could never run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Hook.List.class)
public @interface Hook {
    /** The hook name patterns. */
    String[] value();

    /** Holds several {@code @Hook} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        Hook[] value();
    }
}
