package dev.charms.reactive.conformance;

import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import java.util.List;

/** What the processor would generate for {@link GeneratedCharm}, but with a condition of its own to tell them apart. */
public final class GeneratedCharm_ReactiveHandlers implements HandlerIndex {
    @Override
    public Class<?> handlerClass() {
        return GeneratedCharm.class;
    }

    @Override
    public Object newInstance() {
        return new GeneratedCharm();
    }

    @Override
    public List<HandlerDefinition> handlers() {
        return List.of(HandlerDefinition.builder(GeneratedCharm.class, "fromIndex")
                .hook("install")
                .invoker((target, args) -> ((GeneratedCharm) target).fromIndex())
                .build());
    }
}
