package dev.charms.reactive.processor;

import dev.charms.reactive.Action;
import java.util.List;
import java.util.regex.Pattern;

/** {@code @Action}: the handler of a Juju action, named by Juju's rule for action names. */
final class ActionStep extends AnnotationStep {
    /** Juju's rule for action names. */
    static final Pattern ACTION_NAME = Pattern.compile("^[a-z](?:[a-z-]*[a-z])?$");

    ActionStep() {
        super(Family.ACTION, Action.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        String name = annotation.string("value");
        if (name.isBlank()) {
            report.error(annotation.atValue("value"), Messages.ACTION_BLANK);
        } else if (!ACTION_NAME.matcher(name).matches()) {
            report.error(annotation.atValue("value"), Messages.ACTION_MALFORMED, name);
        }
        handler.action(name);
    }
}
