package dev.charms.reactive.processor;

import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/**
 * The compiler's own view of a method's annotations, used only where the standard API falls short: it gives
 * repeated annotations in their real source order and can point at each one, where the standard API merges
 * them into one container without a source position.
 */
interface SourceTrees {

    /** An annotation as written in the source. */
    interface SourceAnnotation {

        /** The annotation type's qualified name. */
        String qualifiedName();

        /** The place of the whole annotation. */
        Place at();

        /** The place of value {@code index} of {@code attribute}, or of the whole attribute when index is -1. */
        Place atValue(String attribute, int index);
    }

    /**
     * The annotations written on {@code method}, in source order; empty when the compiler does not expose its
     * trees or the method has no source.
     */
    List<SourceAnnotation> annotations(ExecutableElement method);

    /** javac's trees when this runs inside javac, else a view that knows nothing. */
    static SourceTrees of(ProcessingEnvironment env) {
        try {
            return new JavacSourceTrees(env);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return method -> List.of();
        }
    }
}
