package dev.charms.reactive.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * One handler annotation on a method, as the author wrote it (a repeated annotation is unwrapped from its
 * container), with the places its diagnostics point at.
 */
final class HandlerAnnotation {
    private final AnnotationMirror mirror;
    private final Place place;
    private final BiFunction<String, Integer, Place> valuePlaces;

    HandlerAnnotation(AnnotationMirror mirror, Place place, BiFunction<String, Integer, Place> valuePlaces) {
        this.mirror = mirror;
        this.place = place;
        this.valuePlaces = valuePlaces;
    }

    /** The annotation type's qualified name, such as {@code dev.charms.reactive.When}. */
    String qualifiedName() {
        return type().getQualifiedName().toString();
    }

    /** The name people write after the {@code @}, such as {@code When}. */
    String name() {
        return type().getSimpleName().toString();
    }

    /** Where the whole annotation is. */
    Place at() {
        return place;
    }

    /** Where value {@code index} of array attribute {@code attribute} is. */
    Place atValue(String attribute, int index) {
        return valuePlaces.apply(attribute, index);
    }

    /** Where the value of {@code attribute} is (the annotation itself when the default applies). */
    Place atValue(String attribute) {
        return valuePlaces.apply(attribute, -1);
    }

    /** The strings of array attribute {@code attribute}, in source order; empty when unset. */
    List<String> strings(String attribute) {
        List<String> result = new ArrayList<>();
        if (value(attribute) != null && value(attribute).getValue() instanceof List<?> values) {
            for (Object value : values) {
                result.add(String.valueOf(((AnnotationValue) value).getValue()));
            }
        }
        return result;
    }

    /** The string attribute {@code attribute}, or its default. */
    String string(String attribute) {
        AnnotationValue value = value(attribute);
        if (value == null) {
            for (ExecutableElement element : ElementFilter.methodsIn(type().getEnclosedElements())) {
                if (element.getSimpleName().contentEquals(attribute) && element.getDefaultValue() != null) {
                    return String.valueOf(element.getDefaultValue().getValue());
                }
            }
            return "";
        }
        return String.valueOf(value.getValue());
    }

    /** The explicitly written value of {@code attribute}, or null. */
    private AnnotationValue value(String attribute) {
        return explicitValue(mirror, attribute);
    }

    static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
        for (var entry : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private TypeElement type() {
        return (TypeElement) mirror.getAnnotationType().asElement();
    }
}
