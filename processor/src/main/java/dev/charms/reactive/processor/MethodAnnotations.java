package dev.charms.reactive.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads the handler annotations of a method in source order. The standard API hands over repeated annotations
 * merged into one container, placed where the first of them was, and cannot point at the ones inside; so when
 * the compiler exposes its trees, the order and the places of those come from the source.
 */
final class MethodAnnotations {
    private final Messager messager;
    private final SourceTrees trees;
    private final Set<String> handlerAnnotations;
    private final Map<String, String> containers;

    /**
     * @param handlerAnnotations the qualified names of the annotations to read
     * @param containers the qualified name of each repeatable container, mapped to the annotation it holds
     */
    MethodAnnotations(Messager messager, SourceTrees trees, Set<String> handlerAnnotations,
            Map<String, String> containers) {
        this.messager = messager;
        this.trees = trees;
        this.handlerAnnotations = handlerAnnotations;
        this.containers = containers;
    }

    /** True if {@code method} carries a handler annotation, directly or in a container. */
    boolean isHandler(ExecutableElement method) {
        return method.getAnnotationMirrors().stream()
                .map(MethodAnnotations::qualifiedName)
                .anyMatch(name -> handlerAnnotations.contains(name) || containers.containsKey(name));
    }

    /** The handler annotations on {@code method}, in source order when the source is known. */
    List<HandlerAnnotation> read(ExecutableElement method) {
        List<Unwrapped> unwrapped = unwrap(method);
        List<HandlerAnnotation> inSourceOrder = inSourceOrder(method, unwrapped);
        if (inSourceOrder != null) {
            return inSourceOrder;
        }
        List<HandlerAnnotation> result = new ArrayList<>();
        for (Unwrapped annotation : unwrapped) {
            if (annotation.container() == null) {
                result.add(direct(method, annotation.mirror()));
            } else {
                Place container = annotationPlace(method, annotation.container());
                result.add(new HandlerAnnotation(annotation.mirror(), container, (attribute, index) -> container));
            }
        }
        return result;
    }

    /** An annotation written alone, which the standard API can point at. */
    private HandlerAnnotation direct(ExecutableElement method, AnnotationMirror mirror) {
        return new HandlerAnnotation(mirror, annotationPlace(method, mirror),
                (attribute, index) -> valuePlace(method, mirror, attribute, index));
    }

    /** A handler annotation, and the container it was unwrapped from (null if it was written alone). */
    private record Unwrapped(AnnotationMirror mirror, AnnotationMirror container) {
    }

    private List<Unwrapped> unwrap(ExecutableElement method) {
        List<Unwrapped> result = new ArrayList<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            String name = qualifiedName(mirror);
            if (handlerAnnotations.contains(name)) {
                result.add(new Unwrapped(mirror, null));
            } else if (containers.containsKey(name)
                    && HandlerAnnotation.explicitValue(mirror, "value").getValue() instanceof List<?> values) {
                for (Object value : values) {
                    result.add(new Unwrapped((AnnotationMirror) ((AnnotationValue) value).getValue(), mirror));
                }
            }
        }
        return result;
    }

    /**
     * The annotations in the order of the source, or null when the source is not known or does not match
     * what the standard API reports.
     */
    private List<HandlerAnnotation> inSourceOrder(ExecutableElement method, List<Unwrapped> unwrapped) {
        List<SourceTrees.SourceAnnotation> written = trees.annotations(method).stream()
                .filter(annotation -> handlerAnnotations.contains(annotation.qualifiedName()))
                .toList();
        if (written.size() != unwrapped.size()) {
            return null;
        }
        Map<String, Queue<Unwrapped>> byType = new HashMap<>();
        for (Unwrapped annotation : unwrapped) {
            byType.computeIfAbsent(qualifiedName(annotation.mirror()), name -> new ArrayDeque<>()).add(annotation);
        }
        List<HandlerAnnotation> result = new ArrayList<>();
        for (SourceTrees.SourceAnnotation source : written) {
            Unwrapped annotation = byType.getOrDefault(source.qualifiedName(), new ArrayDeque<>()).poll();
            if (annotation == null) {
                return null;
            }
            result.add(annotation.container() == null
                    ? direct(method, annotation.mirror())
                    : new HandlerAnnotation(annotation.mirror(), source.at(), source::atValue));
        }
        return result;
    }

    private Place annotationPlace(Element element, AnnotationMirror mirror) {
        return (kind, message) -> messager.printMessage(kind, message, element, mirror);
    }

    private Place valuePlace(Element element, AnnotationMirror mirror, String attribute, int index) {
        AnnotationValue value = HandlerAnnotation.explicitValue(mirror, attribute);
        if (value == null) {
            return annotationPlace(element, mirror);
        }
        AnnotationValue target = index >= 0 && value.getValue() instanceof List<?> values && index < values.size()
                ? (AnnotationValue) values.get(index)
                : value;
        return (kind, message) -> messager.printMessage(kind, message, element, mirror, target);
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
