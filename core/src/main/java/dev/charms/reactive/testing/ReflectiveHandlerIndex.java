package dev.charms.reactive.testing;

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
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link HandlerIndex} built at run time from a class's annotations, invoking handlers through method handles:
 * what the harness uses for a class the annotation processor has not seen. Handlers come in declaration order (read
 * from the class file), conditions in annotation order. The processor's compile-time checks do not run here,
 * except that overloaded handler methods are rejected.
 */
public final class ReflectiveHandlerIndex implements HandlerIndex {
    private final Class<?> handlerClass;
    private final List<HandlerDefinition> handlers;

    private ReflectiveHandlerIndex(Class<?> handlerClass, List<HandlerDefinition> handlers) {
        this.handlerClass = handlerClass;
        this.handlers = List.copyOf(handlers);
    }

    /**
     * The generated {@code <SimpleName>_ReactiveHandlers} of {@code type} if it is on the class path, else an index
     * built by reflection.
     */
    public static HandlerIndex forClass(Class<?> type) {
        String simple = type.getName().substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1);
        String generated = (type.getPackageName().isEmpty() ? "" : type.getPackageName() + ".")
                + simple.replace('$', '_') + "_ReactiveHandlers";
        try {
            Class<?> index = Class.forName(generated, true, type.getClassLoader());
            return (HandlerIndex) index.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return reflective(type);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("found " + generated + " but cannot use it as the handler index of "
                    + type.getName() + ": " + e, e);
        }
    }

    /** An index built from the annotations of {@code type}'s declared methods. */
    public static ReflectiveHandlerIndex reflective(Class<?> type) {
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot access " + type.getName() + " to invoke its handlers: " + e, e);
        }
        List<String> order = ClassFileMethodOrder.of(type);
        List<Method> methods = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && Arrays.stream(m.getDeclaredAnnotations()).anyMatch(ReflectiveHandlerIndex::isHandlerAnnotation))
                .sorted(Comparator.comparingInt(m -> order.indexOf(m.getName())))
                .toList();
        List<HandlerDefinition> handlers = new ArrayList<>();
        for (Method method : methods) {
            if (methods.stream().filter(m -> m.getName().equals(method.getName())).count() > 1) {
                throw new IllegalArgumentException("handler " + type.getName() + "." + method.getName()
                        + " is overloaded; handler ids are Class.method, so give each handler its own name");
            }
            handlers.add(definition(type, method, lookup));
        }
        return new ReflectiveHandlerIndex(type, handlers);
    }

    @Override
    public Class<?> handlerClass() {
        return handlerClass;
    }

    @Override
    public Object newInstance() {
        return instantiate(handlerClass);
    }

    /** An instance made with the class's constructor without parameters, which may be non-public. */
    static Object instantiate(Class<?> handlerClass) {
        try {
            Constructor<?> constructor = handlerClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("handler class " + handlerClass.getName()
                    + " has no constructor without parameters; add one", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + handlerClass.getName() + " threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + handlerClass.getName() + ": " + e, e);
        }
    }

    @Override
    public List<HandlerDefinition> handlers() {
        return handlers;
    }

    private static boolean isHandlerAnnotation(Annotation a) {
        return a.annotationType().getPackageName().equals(When.class.getPackageName())
                && !a.annotationType().getSimpleName().equals("Injectable");
    }

    private static HandlerDefinition definition(Class<?> type, Method method, MethodHandles.Lookup lookup) {
        HandlerDefinition.Builder b = HandlerDefinition.builder(type, method.getName());
        for (Annotation a : method.getDeclaredAnnotations()) {
            add(b, a);
        }
        b.parameters(method.getParameterTypes());
        MethodHandle handle;
        try {
            handle = lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot access handler " + type.getName() + "." + method.getName(), e);
        }
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        b.invoker((target, args) -> {
            List<Object> all = new ArrayList<>(args.length + 1);
            if (!isStatic) {
                all.add(target);
            }
            all.addAll(Arrays.asList(args));
            try {
                handle.invokeWithArguments(all);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
        return b.build();
    }

    private static void add(HandlerDefinition.Builder b, Annotation a) {
        if (a instanceof When w) {
            b.whenAll(w.value());
        } else if (a instanceof When.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenAll(w.value()));
        } else if (a instanceof WhenAll w) {
            b.whenAll(w.value());
        } else if (a instanceof WhenAll.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenAll(w.value()));
        } else if (a instanceof WhenAny w) {
            b.whenAny(w.value());
        } else if (a instanceof WhenAny.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenAny(w.value()));
        } else if (a instanceof WhenNot w) {
            b.whenNone(w.value());
        } else if (a instanceof WhenNot.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenNone(w.value()));
        } else if (a instanceof WhenNone w) {
            b.whenNone(w.value());
        } else if (a instanceof WhenNone.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenNone(w.value()));
        } else if (a instanceof WhenNotAll w) {
            b.whenNotAll(w.value());
        } else if (a instanceof WhenNotAll.List l) {
            Arrays.stream(l.value()).forEach(w -> b.whenNotAll(w.value()));
        } else if (a instanceof Hook h) {
            b.hook(h.value());
        } else if (a instanceof Hook.List l) {
            Arrays.stream(l.value()).forEach(h -> b.hook(h.value()));
        } else if (a instanceof WhenFileChanged f) {
            b.whenFileChanged(f.hash(), f.value());
        } else if (a instanceof WhenFileChanged.List l) {
            Arrays.stream(l.value()).forEach(f -> b.whenFileChanged(f.hash(), f.value()));
        } else if (a instanceof OnlyOnce) {
            b.onlyOnce();
        } else if (a instanceof CollectMetrics) {
            b.restrictedHook("collect-metrics");
        } else if (a instanceof MeterStatusChanged) {
            b.restrictedHook("meter-status-changed");
        } else if (a instanceof NotUnless n) {
            b.notUnless(n.value());
        } else if (a instanceof Action act) {
            b.action(act.value());
        }
    }
}
