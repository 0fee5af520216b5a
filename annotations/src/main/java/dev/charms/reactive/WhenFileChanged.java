package dev.charms.reactive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the handler when the content of any named file differs from what it was when this handler last
 * ran. A missing file has no hash, so creating or deleting it counts as a change.
 *
 * <p>Unlike charms.reactive, the hash is recorded per handler, and only when the handler runs and the
 * hook succeeds: two handlers may watch one file, and a handler dropped from a queue does not lose the
 * change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(WhenFileChanged.List.class)
public @interface WhenFileChanged {
    /** The file paths (absolute, or relative to the charm directory). */
    String[] value();

    /** A {@link java.security.MessageDigest} algorithm name: {@code md5} (the default), {@code sha256}, ... */
    String hash() default "md5";

    /** Holds several {@code @WhenFileChanged} on one method; they are ANDed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** The stacked annotations, in source order. */
        WhenFileChanged[] value();
    }
}
