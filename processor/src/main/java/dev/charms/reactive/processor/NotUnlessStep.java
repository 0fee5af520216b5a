package dev.charms.reactive.processor;

import dev.charms.reactive.NotUnless;
import java.util.List;

/** {@code @NotUnless}: flags the handler expects, checked like condition flags but not a condition. */
final class NotUnlessStep extends AnnotationStep {

    NotUnlessStep() {
        super(Family.NOT_UNLESS, NotUnless.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        List<String> flags = values(annotation, report, Messages.NOT_UNLESS_EMPTY);
        FlagNames.checkAll(annotation, handler, report);
        handler.addNotUnless(flags);
    }
}
