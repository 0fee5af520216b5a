package dev.charms.reactive.discovery;

import dev.charms.reactive.Action;
import dev.charms.reactive.CollectMetrics;
import dev.charms.reactive.Hook;
import dev.charms.reactive.MeterStatusChanged;
import dev.charms.reactive.NotUnless;
import dev.charms.reactive.OnlyOnce;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenAll;
import dev.charms.reactive.WhenAny;
import dev.charms.reactive.WhenFileChanged;
import dev.charms.reactive.WhenNone;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.WhenNotAll;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.Invoker;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link HandlerIndex} for one handler class by reflection, for code compiled without the annotation
 * processor: the runtime's fallback when a charm has no generated index, and the test harness's way to run a
 * single class.
 *
 * <p>It reads the same annotations the processor does and gives the same result: handlers in declaration
 * order (read from the class file, since reflection does not keep it), each with its conditions in the order
 * reflection returns the annotations (source order, stacked ones where the first of them stood), and an
 * invoker that calls the method through a method handle. Handlers may be package-private. The handler class
 * needs a constructor without parameters, which may be package-private too.
 *
 * <p>It checks less than the processor: only what would make a handler impossible to call or meaningless
 * (private or abstract handlers, a handler with no condition, two handlers with one name, a class it cannot
 * instantiate). Unlike the processor it accepts static handlers, which ignore the target. Every such problem
 * of the class is reported at once in a {@link HandlerDiscoveryException}.
 */
public final class ReactiveHandlers {

    private static final String ANNOTATION_PACKAGE = When.class.getPackageName();

    /** Class files do not change once their class is loaded, so each class is read at most once. */
    private static final ClassValue<List<String>> DECLARATION_ORDER = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return readDeclarationOrder(type);
        }
    };

    private ReactiveHandlers() {
    }

    /**
     * The handlers of {@code handlerClass}, its own methods only (not inherited ones). A class without
     * handler annotations gives an index with no handlers.
     *
     * @throws HandlerDiscoveryException listing every reason the class's handlers cannot be used, or if its
     *         class file cannot be read
     */
    public static HandlerIndex of(Class<?> handlerClass) {
        return of(handlerClass, DECLARATION_ORDER.get(handlerClass));
    }

    /** Like {@link #of(Class)}, with the {@link #declarationOrder(ClassInfo)} already read. */
    static HandlerIndex of(Class<?> handlerClass, List<String> declarationOrder) {
        List<String> problems = new ArrayList<>();
        MethodHandles.Lookup lookup = lookupIn(handlerClass, problems);
        MethodHandle constructor = lookup == null ? null : constructor(handlerClass, lookup, problems);
        List<Method> methods = Arrays.stream(handlerClass.getDeclaredMethods())
                .filter(ReactiveHandlers::isHandler)
                .sorted(Comparator.comparingInt(m -> declarationOrder.indexOf(methodKey(m))))
                .toList();
        List<HandlerDefinition> handlers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Method method : methods) {
            if (!names.add(method.getName())) {
                problems.add(handlerClass.getSimpleName() + "." + method.getName() + " has the name of another"
                        + " handler in " + handlerClass.getName() + ", and handler ids are class.method: give each"
                        + " handler its own name");
                continue;
            }
            HandlerDefinition handler = definition(method, lookup, problems);
            if (handler != null) {
                handlers.add(handler);
            }
        }
        if (!problems.isEmpty()) {
            throw new HandlerDiscoveryException("Cannot use the handlers of " + handlerClass.getName()
                    + " (the annotation processor would have rejected them at compile time):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new ReflectiveIndex(handlerClass, constructor, handlers);
    }

    /** True for a method the processor would treat as a handler: one with any of our annotations. */
    static boolean isHandler(Method method) {
        return !method.isSynthetic() && !method.isBridge()
                && Arrays.stream(method.getDeclaredAnnotations())
                        .anyMatch(a -> a.annotationType().getPackageName().equals(ANNOTATION_PACKAGE));
    }

    /** The same test on a class file, before the class is loaded. */
    static boolean isHandler(MethodInfo method) {
        return !method.isSynthetic() && !method.isBridge()
                && method.getAnnotationInfo().stream().anyMatch(a -> isInAnnotationPackage(a.getName()));
    }

    /**
     * The methods of a class file in the order they are declared there, each identified by its name and
     * descriptor: the declaration order {@link #of(Class, List)} takes.
     */
    static List<String> declarationOrder(ClassInfo classFile) {
        return classFile.getDeclaredMethodInfo().stream()
                .map(method -> method.getName() + method.getTypeDescriptorStr())
                .toList();
    }

    private static String methodKey(Method method) {
        return method.getName()
                + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
    }

    private static boolean isInAnnotationPackage(String annotationClassName) {
        int lastDot = annotationClassName.lastIndexOf('.');
        return lastDot > 0 && annotationClassName.substring(0, lastDot).equals(ANNOTATION_PACKAGE);
    }

    private static List<String> readDeclarationOrder(Class<?> type) {
        ClassGraph classGraph = new ClassGraph()
                .enableMethodInfo()
                .ignoreClassVisibility()
                .ignoreMethodVisibility()
                .acceptClasses(type.getName());
        if (type.getClassLoader() != null) {
            classGraph.overrideClassLoaders(type.getClassLoader());
        }
        try (ScanResult scan = classGraph.scan()) {
            ClassInfo info = scan.getClassInfo(type.getName());
            if (info == null) {
                throw new HandlerDiscoveryException("Cannot read the class file of " + type.getName()
                        + " to find the order its handlers are declared in; it is not on the class path of "
                        + type.getClassLoader() + ". Add reactive-processor to the annotation processor path so"
                        + " the order is recorded at compile time.");
            }
            return declarationOrder(info);
        }
    }

    private static MethodHandles.Lookup lookupIn(Class<?> handlerClass, List<String> problems) {
        try {
            return MethodHandles.privateLookupIn(handlerClass, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            problems.add("the runtime cannot access it: open package " + handlerClass.getPackageName()
                    + " to the module of the reactive runtime (" + e.getMessage() + ")");
            return null;
        }
    }

    private static MethodHandle constructor(Class<?> handlerClass, MethodHandles.Lookup lookup,
            List<String> problems) {
        if (handlerClass.isInterface() || Modifier.isAbstract(handlerClass.getModifiers())) {
            problems.add(handlerClass.getSimpleName() + " is abstract or an interface; handlers must be in a"
                    + " concrete class the runtime can instantiate");
            return null;
        }
        try {
            return lookup.findConstructor(handlerClass, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            String inner = handlerClass.isMemberClass() && !Modifier.isStatic(handlerClass.getModifiers())
                    ? " (it is an inner class: make it static)"
                    : "";
            problems.add(handlerClass.getSimpleName() + " has no constructor without parameters" + inner
                    + "; the runtime creates handler classes with one");
            return null;
        }
    }

    private static HandlerDefinition definition(Method method, MethodHandles.Lookup lookup, List<String> problems) {
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (Modifier.isPrivate(method.getModifiers())) {
            problems.add(name + " is private; make it package-private or public");
            return null;
        }
        if (Modifier.isAbstract(method.getModifiers())) {
            problems.add(name + " is abstract; a handler needs a body");
            return null;
        }
        HandlerDefinition.Builder builder = HandlerDefinition.builder(method.getDeclaringClass(), method.getName())
                .parameters(method.getParameterTypes());
        boolean conditional = false;
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            conditional |= addCondition(builder, annotation);
        }
        if (!conditional) {
            problems.add(name + " has no condition: add @When, @WhenNot, @Hook, @Action or another condition,"
                    + " or remove its annotations if it is not a handler");
            return null;
        }
        if (lookup == null) {
            return null;
        }
        return builder.invoker(invoker(method, lookup)).build();
    }

    /**
     * Adds the condition (or {@code @NotUnless} note, or action) one annotation stands for; stacked
     * annotations arrive in their container and are added in order. Returns whether it made the method
     * runnable: every annotation but {@code @NotUnless} and foreign ones does.
     */
    private static boolean addCondition(HandlerDefinition.Builder builder, Annotation annotation) {
        if (annotation instanceof When when) {
            builder.whenAll(when.value());
        } else if (annotation instanceof When.List list) {
            Arrays.stream(list.value()).forEach(when -> builder.whenAll(when.value()));
        } else if (annotation instanceof WhenAll whenAll) {
            builder.whenAll(whenAll.value());
        } else if (annotation instanceof WhenAll.List list) {
            Arrays.stream(list.value()).forEach(whenAll -> builder.whenAll(whenAll.value()));
        } else if (annotation instanceof WhenAny whenAny) {
            builder.whenAny(whenAny.value());
        } else if (annotation instanceof WhenAny.List list) {
            Arrays.stream(list.value()).forEach(whenAny -> builder.whenAny(whenAny.value()));
        } else if (annotation instanceof WhenNot whenNot) {
            builder.whenNone(whenNot.value());
        } else if (annotation instanceof WhenNot.List list) {
            Arrays.stream(list.value()).forEach(whenNot -> builder.whenNone(whenNot.value()));
        } else if (annotation instanceof WhenNone whenNone) {
            builder.whenNone(whenNone.value());
        } else if (annotation instanceof WhenNone.List list) {
            Arrays.stream(list.value()).forEach(whenNone -> builder.whenNone(whenNone.value()));
        } else if (annotation instanceof WhenNotAll whenNotAll) {
            builder.whenNotAll(whenNotAll.value());
        } else if (annotation instanceof WhenNotAll.List list) {
            Arrays.stream(list.value()).forEach(whenNotAll -> builder.whenNotAll(whenNotAll.value()));
        } else if (annotation instanceof Hook hook) {
            builder.hook(hook.value());
        } else if (annotation instanceof Hook.List list) {
            Arrays.stream(list.value()).forEach(hook -> builder.hook(hook.value()));
        } else if (annotation instanceof WhenFileChanged changed) {
            builder.whenFileChanged(changed.hash(), changed.value());
        } else if (annotation instanceof WhenFileChanged.List list) {
            Arrays.stream(list.value()).forEach(changed -> builder.whenFileChanged(changed.hash(), changed.value()));
        } else if (annotation instanceof OnlyOnce) {
            builder.onlyOnce();
        } else if (annotation instanceof CollectMetrics) {
            builder.restrictedHook("collect-metrics");
        } else if (annotation instanceof MeterStatusChanged) {
            builder.restrictedHook("meter-status-changed");
        } else if (annotation instanceof Action action) {
            builder.action(action.value());
        } else if (annotation instanceof NotUnless notUnless) {
            builder.notUnless(notUnless.value());
            return false;
        } else {
            return false;
        }
        return true;
    }

    /** Calls the method with a method handle typed {@code (Object target, Object[] args) -> void}. */
    private static Invoker invoker(Method method, MethodHandles.Lookup lookup) {
        MethodHandle handle;
        try {
            handle = lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new HandlerDiscoveryException("Cannot access handler " + method + ": " + e.getMessage(), e);
        }
        if (Modifier.isStatic(method.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        int arity = method.getParameterCount();
        MethodHandle spreader = handle
                .asType(MethodType.genericMethodType(arity + 1).changeReturnType(void.class))
                .asSpreader(Object[].class, arity);
        return (target, args) -> {
            try {
                spreader.invokeExact(target, args);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t, method + " threw " + t);
            }
        };
    }

    /** The index {@link ReactiveHandlers} builds: the class, its constructor and its handlers. */
    private record ReflectiveIndex(Class<?> handlerClass, MethodHandle constructor, List<HandlerDefinition> handlers)
            implements HandlerIndex {

        @Override
        public Object newInstance() {
            try {
                return (Object) constructor.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t, "The constructor of " + handlerClass.getName()
                        + " threw " + t);
            }
        }

        @Override
        public String toString() {
            return "reflective index of " + handlerClass.getName();
        }
    }
}
