package dev.charms.reactive.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one handler class and each of its handler methods, collecting every error, and builds the class's
 * model when there is none.
 */
final class HandlerClassValidator {
    /** The endpoint base class, in core; compared by name, so the processor does not need core. */
    static final String ENDPOINT = "dev.charms.reactive.endpoints.Endpoint";
    static final String INJECTABLE = "dev.charms.reactive.Injectable";
    static final String INDEX_SUFFIX = "_ReactiveHandlers";

    private final Messager messager;
    private final Elements elements;
    private final Types types;
    private final MethodAnnotations methodAnnotations;
    private final Map<String, AnnotationStep> steps = new LinkedHashMap<>();

    /** The outcome of a validation: the model when the report is clean. */
    record Result(Optional<Model.HandlerClass> model, Report report) {
    }

    /** An annotation of a handler and the family of the step that read it. */
    private record Read(HandlerAnnotation annotation, AnnotationStep.Family family) {
    }

    HandlerClassValidator(Messager messager, Elements elements, Types types, MethodAnnotations methodAnnotations,
            List<AnnotationStep> steps) {
        this.messager = messager;
        this.elements = elements;
        this.types = types;
        this.methodAnnotations = methodAnnotations;
        for (AnnotationStep step : steps) {
            step.annotations().forEach(annotation -> this.steps.put(annotation.getCanonicalName(), step));
        }
    }

    /** The handler methods of {@code type}, in declaration order. */
    List<ExecutableElement> handlerMethods(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(methodAnnotations::isHandler)
                .toList();
    }

    /**
     * False while a type the checks depend on (a superclass, a parameter type) is still missing, as when
     * another processor generates it in a later round.
     */
    boolean isComplete(TypeElement type) {
        for (TypeMirror superclass = type.getSuperclass(); superclass.getKind() != TypeKind.NONE;
                superclass = ((TypeElement) types.asElement(superclass)).getSuperclass()) {
            if (superclass.getKind() == TypeKind.ERROR) {
                return false;
            }
        }
        return handlerMethods(type).stream()
                .flatMap(method -> method.getParameters().stream())
                .noneMatch(parameter -> parameter.asType().getKind() == TypeKind.ERROR);
    }

    Result validate(TypeElement type) {
        Report report = new Report();
        checkClass(type, report);
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        boolean endpoint = isEndpointClass(type);
        List<Model.Handler> handlers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExecutableElement method : handlerMethods(type)) {
            String displayName = type.getSimpleName() + "." + method.getSimpleName();
            if (!names.add(method.getSimpleName().toString())) {
                report.error(at(method), Messages.HANDLER_OVERLOADED, displayName, type.getQualifiedName());
            }
            handlers.add(checkMethod(method, new HandlerBuilder(displayName, type, endpoint), packageName, report));
        }
        Optional<Model.HandlerClass> model = report.isClean()
                ? Optional.of(new Model.HandlerClass(type, packageName, elements.getBinaryName(type).toString(),
                        indexName(type), handlers))
                : Optional.empty();
        return new Result(model, report);
    }

    /** {@code Outer_Inner_ReactiveHandlers} for {@code Outer.Inner}. */
    private static String indexName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement;
                outer = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.append(INDEX_SUFFIX).toString();
    }

    private void checkClass(TypeElement type, Report report) {
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            report.error(at(type), Messages.CLASS_NOT_A_CLASS, type.getQualifiedName(), describe(type.getKind()));
            return;
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            report.error(at(type), Messages.CLASS_LOCAL, type.getQualifiedName());
            return;
        }
        for (Element outer = type; outer instanceof TypeElement; outer = outer.getEnclosingElement()) {
            if (outer.getModifiers().contains(Modifier.PRIVATE)) {
                report.error(at(outer), Messages.CLASS_PRIVATE, ((TypeElement) outer).getQualifiedName());
                return;
            }
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            report.error(at(type), Messages.CLASS_INNER, type.getQualifiedName());
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            report.error(at(type), Messages.CLASS_ABSTRACT, type.getQualifiedName());
        }
        if (!type.getTypeParameters().isEmpty()) {
            report.error(at(type), Messages.CLASS_GENERIC, type.getQualifiedName());
        }
        boolean constructible = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!constructible) {
            report.error(at(type), Messages.CLASS_NO_CONSTRUCTOR, type.getQualifiedName());
        }
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private boolean isEndpointClass(TypeElement type) {
        for (TypeMirror superclass = type.getSuperclass(); superclass.getKind() == TypeKind.DECLARED;
                superclass = ((TypeElement) types.asElement(superclass)).getSuperclass()) {
            if (((TypeElement) types.asElement(superclass)).getQualifiedName().contentEquals(ENDPOINT)) {
                return true;
            }
        }
        return false;
    }

    private Model.Handler checkMethod(ExecutableElement method, HandlerBuilder handler, String packageName,
            Report report) {
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            report.error(at(method), Messages.HANDLER_PRIVATE, handler.displayName());
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            report.error(at(method), Messages.HANDLER_ABSTRACT, handler.displayName());
        }
        if (modifiers.contains(Modifier.STATIC)) {
            report.error(at(method), Messages.HANDLER_STATIC, handler.displayName());
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.error(at(method), Messages.HANDLER_GENERIC, handler.displayName());
        }
        List<Read> read = new ArrayList<>();
        for (HandlerAnnotation annotation : methodAnnotations.read(method)) {
            AnnotationStep step = steps.get(annotation.qualifiedName());
            step.read(annotation, handler, report);
            read.add(new Read(annotation, step.family()));
        }
        checkCombinations(method, read, handler, report);
        return handler.build(method.getSimpleName().toString(), parameters(method, handler, packageName, report));
    }

    private void checkCombinations(ExecutableElement method, List<Read> read, HandlerBuilder handler,
            Report report) {
        String name = handler.displayName();
        if (read.stream().noneMatch(r -> r.family().isCondition())) {
            report.error(at(method), Messages.NO_CONDITION, name);
        }
        if (first(read, r -> r.family() == AnnotationStep.Family.HOOK).isPresent()) {
            first(read, r -> r.family() == AnnotationStep.Family.FLAGS).ifPresent(flags ->
                    report.error(flags.at(), Messages.HOOK_WITH_FLAGS, flags.name(), name));
        }
        if (first(read, r -> r.family() == AnnotationStep.Family.ACTION).isPresent()) {
            first(read, r -> r.family().isCondition() && r.family() != AnnotationStep.Family.ACTION).ifPresent(
                    other -> report.error(other.at(), Messages.ACTION_WITH_CONDITION, other.name(), name));
        }
        first(read, r -> r.family() == AnnotationStep.Family.RESTRICTED_HOOK).ifPresent(restricted ->
                first(read, r -> r.annotation() != restricted && (r.family() == AnnotationStep.Family.FLAGS
                        || r.family() == AnnotationStep.Family.HOOK
                        || r.family() == AnnotationStep.Family.RESTRICTED_HOOK)).ifPresent(other ->
                        report.error(other.at(), Messages.RESTRICTED_WITH_CONDITION, restricted.name(),
                                other.name(), name, RestrictedHookStep.hookName(restricted))));
    }

    private static Optional<HandlerAnnotation> first(List<Read> read, Predicate<Read> filter) {
        return read.stream().filter(filter).map(Read::annotation).findFirst();
    }

    private List<Model.Parameter> parameters(ExecutableElement method, HandlerBuilder handler, String packageName,
            Report report) {
        List<Model.Parameter> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            if (!isInjectable(type)) {
                report.error(at(parameter), Messages.PARAMETER_NOT_INJECTABLE,
                        parameter.getSimpleName(), handler.displayName(), type);
            } else if (!isAccessible(type, packageName)) {
                report.error(at(parameter), Messages.PARAMETER_INACCESSIBLE,
                        parameter.getSimpleName(), handler.displayName(), type, packageName);
            }
            parameters.add(new Model.Parameter(parameter.getSimpleName().toString(), type, binaryName(type)));
        }
        return parameters;
    }

    /** True if {@code type}, or one of its supertypes, is annotated {@code @Injectable}. */
    private boolean isInjectable(TypeMirror type) {
        Deque<TypeMirror> todo = new ArrayDeque<>(List.of(type));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            TypeMirror next = todo.pop();
            if (next.getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement element = (TypeElement) types.asElement(next);
            if (!seen.add(element.getQualifiedName().toString())) {
                continue;
            }
            for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
                if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(INJECTABLE)) {
                    return true;
                }
            }
            todo.addAll(types.directSupertypes(next));
        }
        return false;
    }

    /** True if code in {@code packageName} can name {@code type} and its type arguments. */
    private boolean isAccessible(TypeMirror type, String packageName) {
        if (type.getKind() != TypeKind.DECLARED) {
            return true;
        }
        for (Element element = types.asElement(type); element instanceof TypeElement;
                element = element.getEnclosingElement()) {
            Set<Modifier> modifiers = element.getModifiers();
            boolean samePackage = elements.getPackageOf(element).getQualifiedName().contentEquals(packageName);
            if (modifiers.contains(Modifier.PRIVATE) || !modifiers.contains(Modifier.PUBLIC) && !samePackage) {
                return false;
            }
        }
        return ((DeclaredType) type).getTypeArguments().stream().allMatch(arg -> isAccessible(arg, packageName));
    }

    private String binaryName(TypeMirror type) {
        TypeMirror erasure = types.erasure(type);
        return erasure.getKind() == TypeKind.DECLARED
                ? elements.getBinaryName((TypeElement) types.asElement(erasure)).toString()
                : erasure.toString();
    }

    private Place at(Element element) {
        return (kind, message) -> messager.printMessage(kind, message, element);
    }
}
