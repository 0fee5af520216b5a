package dev.charms.reactive.processor;

import dev.charms.reactive.When;
import dev.charms.reactive.WhenAll;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenNone;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.WhenNotAll;
import java.util.List;
import java.util.Map;

/**
 * {@code @When} and its kin: flag conditions. {@code @When} means {@code @WhenAll}, and {@code @WhenNot}
 * means {@code @WhenNone}.
 */
final class FlagStep extends AnnotationStep {
    private static final Map<String, ConditionKind> KINDS = Map.of(
            When.class.getCanonicalName(), ConditionKind.WHEN_ALL,
            WhenAll.class.getCanonicalName(), ConditionKind.WHEN_ALL,
            WhenAny.class.getCanonicalName(), ConditionKind.WHEN_ANY,
            WhenNot.class.getCanonicalName(), ConditionKind.WHEN_NONE,
            WhenNone.class.getCanonicalName(), ConditionKind.WHEN_NONE,
            WhenNotAll.class.getCanonicalName(), ConditionKind.WHEN_NOT_ALL);

    FlagStep() {
        super(Family.FLAGS, When.class, WhenAll.class, WhenAny.class, WhenNot.class, WhenNone.class, WhenNotAll.class);
    }

    @Override
    void read(HandlerAnnotation annotation, HandlerBuilder handler, Report report) {
        ConditionKind kind = KINDS.get(annotation.qualifiedName());
        boolean emptyAlwaysHolds = kind == ConditionKind.WHEN_ALL || kind == ConditionKind.WHEN_NONE;
        List<String> flags = values(annotation, report,
                emptyAlwaysHolds ? Messages.FLAG_LIST_ALWAYS : Messages.FLAG_LIST_NEVER, annotation.name());
        FlagNames.checkAll(annotation, handler, report);
        handler.addCondition(Model.Condition.of(kind, flags));
    }
}
