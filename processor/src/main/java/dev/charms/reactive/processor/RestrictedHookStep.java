package dev.charms.reactive.processor;

import dev.charms.reactive.CollectMetrics;
import dev.charms.reactive.MeterStatusChanged;
import java.util.List;

/** {@code @CollectMetrics} and {@code @MeterStatusChanged}: the two hooks that run in restricted mode. */
final class RestrictedHookStep extends AnnotationStep {

    RestrictedHookStep() {
        super(Family.RESTRICTED_HOOK, CollectMetrics.class, MeterStatusChanged.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        handler.addCondition(Model.Condition.of(ConditionKind.RESTRICTED_HOOK, List.of(hookName(annotation))));
    }

    /** The hook an annotation of this family waits for: {@code collect-metrics} or {@code meter-status-changed}. */
    static String hookName(HandlerAnnotation annotation) {
        return annotation.qualifiedName().equals(CollectMetrics.class.getCanonicalName())
                ? "collect-metrics"
                : "meter-status-changed";
    }
}
