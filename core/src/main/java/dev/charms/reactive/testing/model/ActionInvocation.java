package dev.charms.reactive.testing.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An action the model runs on a unit ({@link Model#runAction}), as the unit's {@code action-get} sees it.
 *
 * @param name the action's name, e.g. {@code backup}
 * @param params the parameters, checked against the charm's {@code actions.yaml} with its defaults added, as JSON
 *     gives them (Long, Double, Boolean, String, List, Map); unmodifiable
 */
public record ActionInvocation(String name, Map<String, Object> params) {
    public ActionInvocation {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
