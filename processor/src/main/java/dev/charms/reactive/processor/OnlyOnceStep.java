package dev.charms.reactive.processor;

import dev.charms.reactive.OnlyOnce;
import java.util.List;

/** {@code @OnlyOnce}: a condition on its own, true until the handler has run in a successful hook. */
final class OnlyOnceStep extends AnnotationStep {

    OnlyOnceStep() {
        super(Family.ONLY_ONCE, OnlyOnce.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        handler.addCondition(Model.Condition.of(ConditionKind.ONLY_ONCE, List.of()));
    }
}
