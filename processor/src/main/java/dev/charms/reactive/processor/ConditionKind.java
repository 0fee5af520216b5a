package dev.charms.reactive.processor;

/**
 * The kinds of condition, named as {@code dev.charms.reactive.spi.Condition.Kind} names them (the aggregate
 * index uses these names), each with the {@code HandlerDefinition.Builder} method generated code calls.
 */
enum ConditionKind {
    WHEN_ALL("whenAll"),
    WHEN_ANY("whenAny"),
    WHEN_NONE("whenNone"),
    WHEN_NOT_ALL("whenNotAll"),
    HOOK("hook"),
    FILE_CHANGED("whenFileChanged"),
    ONLY_ONCE("onlyOnce"),
    RESTRICTED_HOOK("restrictedHook");

    private final String builderMethod;

    ConditionKind(String builderMethod) {
        this.builderMethod = builderMethod;
    }

    String builderMethod() {
        return builderMethod;
    }
}
