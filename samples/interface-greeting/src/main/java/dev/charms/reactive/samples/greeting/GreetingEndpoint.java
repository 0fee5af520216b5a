package dev.charms.reactive.samples.greeting;

import dev.charms.reactive.endpoints.Endpoint;

/**
 * What both sides of a greeting relation share: their two flags, managed at the start of each hook.
 * <ul>
 *   <li>{@code <endpoint>.connected}: some remote unit is joined;</li>
 *   <li>{@code <endpoint>.updated}: something about the remote side may have changed: set in every hook about the
 *       relation while a remote unit is joined (one joined, changed its data or departed), and when the last one
 *       left. The charm clears it once it has acted on it.</li>
 * </ul>
 * {@code updated} stands for the runtime's {@code endpoint.<endpoint>.changed*} flags, which are cleared here, and
 * departed units are forgotten at once: neither side needs them.
 */
abstract class GreetingEndpoint extends Endpoint {

    @Override
    protected void manageFlags() {
        String connected = expandName("{endpoint_name}.connected");
        if (isJoined() || flags().isSet(connected)) {
            flags().set(expandName("{endpoint_name}.updated"));
        }
        flags().toggle(connected, isJoined());
        String changed = expandName("changed");
        flags().setFlags().stream().filter(f -> f.equals(changed) || f.startsWith(changed + "."))
                .forEach(flags()::clear);
        if (!allDepartedUnits().isEmpty()) {
            allDepartedUnits().clear();
        }
    }
}
