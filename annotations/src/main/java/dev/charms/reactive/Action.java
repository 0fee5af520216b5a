package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when Juju runs the named action on this unit. After it returns, the flag loop runs, so
 * flags the action sets wake other handlers. An action handler may not carry any other condition.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
    /** The action name, as declared in {@code actions.yaml}. */
    String value();
}
