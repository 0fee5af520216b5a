package dev.charms.reactive.layers.build;

/**
 * One file of the built charm.
 *
 * @param origin  where it came from, as recorded in {@code .build.manifest}: a layer name,
 *                {@value #GENERATED} or {@value #CLASSPATH}
 * @param dynamic whether the build made it (merged or generated) rather than copied it
 * @param content what it holds
 */
record PlannedFile(String origin, boolean dynamic, Content content) {

    /** The origin of files the build generates itself: dispatch and the hook links. */
    static final String GENERATED = "generated";
    /** The origin of the charm's jars in lib/. */
    static final String CLASSPATH = "classpath";

    /** The origin for people: {@code layer 'x'}, {@code the build}, {@code the classpath}. */
    String describeOrigin() {
        return switch (origin) {
            case GENERATED -> "the build";
            case CLASSPATH -> "the classpath";
            default -> "layer '" + origin + "'";
        };
    }
}
