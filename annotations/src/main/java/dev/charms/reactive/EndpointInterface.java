package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which relations of {@code metadata.yaml} an endpoint class (a subclass of
 * {@code dev.charms.reactive.endpoints.Endpoint}) implements: every relation declared under {@link #role()} with
 * interface {@link #value()}. The runtime creates one instance of the class per such relation name, and runs the
 * class's handlers once per name with {@code {endpoint_name}} replaced by it.
 * <pre>{@code
 * @EndpointInterface(value = "http", role = EndpointInterface.Role.REQUIRES)
 * public class HttpRequires extends Endpoint {
 *     @When("endpoint.{endpoint_name}.changed.port")
 *     void portChanged(Flags flags) { ... }
 * }
 * }</pre>
 * Inherited, so a subclass implements the same relations unless it declares its own.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EndpointInterface {

    /** The interface name, as in {@code metadata.yaml}'s {@code interface:} (e.g. {@code http}). */
    String value();

    /** The {@code metadata.yaml} section the relations are declared in. */
    Role role();

    /** The sections of {@code metadata.yaml} that declare relations. */
    enum Role {
        /** {@code provides:}. */
        PROVIDES,
        /** {@code requires:}. */
        REQUIRES,
        /** {@code peers:}. */
        PEERS
    }
}
