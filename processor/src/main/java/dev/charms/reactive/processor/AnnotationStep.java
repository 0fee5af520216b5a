package dev.charms.reactive.processor;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * One annotation family: checks each of its annotations on a handler method and records what it means in the
 * handler being built. Errors go to the report; a step never stops at the first.
 */
abstract class AnnotationStep {

    /** The families, for the rules on which annotations may be combined. */
    enum Family {
        /** The flag conditions: {@code @When}, {@code @WhenAll}, {@code @WhenNone}, ... */
        FLAGS,
        HOOK,
        FILE_CHANGED,
        ONLY_ONCE,
        /** {@code @CollectMetrics}, {@code @MeterStatusChanged}. */
        RESTRICTED_HOOK,
        /** {@code @NotUnless}: an assertion, not a condition. */
        NOT_UNLESS,
        ACTION;

        /** True for the families that decide when a handler runs. */
        boolean isCondition() {
            return this != NOT_UNLESS;
        }
    }

    private final Family family;
    private final List<Class<? extends Annotation>> annotations;

    @SafeVarargs
    AnnotationStep(Family family, Class<? extends Annotation>... annotations) {
        this.family = family;
        this.annotations = List.of(annotations);
    }

    final Family family() {
        return family;
    }

    /** The annotations this step reads; repeatable ones are unwrapped from their containers before. */
    final List<Class<? extends Annotation>> annotations() {
        return annotations;
    }

    /** Checks {@code annotation} and records its meaning in {@code handler}. */
    abstract void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report);

    /**
     * The strings of the annotation's {@code value}; when there are none, reports the error
     * {@code emptyTemplate} (formatted with {@code args}) on the annotation.
     */
    static List<String> values(HandlerAnnotation annotation, Report report, String emptyTemplate, Object... args) {
        List<String> values = annotation.strings("value");
        if (values.isEmpty()) {
            report.error(annotation.at(), emptyTemplate, args);
        }
        return values;
    }
}
