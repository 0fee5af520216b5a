package dev.charms.reactive.processor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks reactive handler methods at compile time and generates their index, so the runtime finds and calls
 * handlers without reflection.
 *
 * <p>The algorithm, in each round:
 * <ol>
 *   <li>Collect the classes that declare a method carrying a handler annotation ({@code @When}, {@code @Hook},
 *       {@code @Action}, ...), plus those deferred from the previous round, in name order.</li>
 *   <li>Defer a class whose superclass or handler parameter types do not exist yet (another processor may
 *       generate them); javac itself reports those still missing at the end.</li>
 *   <li>Validate the class and each handler: every annotation goes through the {@link #standardSteps() step} of its
 *       family, which checks its values and records its condition; then the rules on combinations,
 *       modifiers, parameters and instantiation. Every error is printed on the element at fault (and on the
 *       annotation or value when one is wrong), all of them, not only the first.</li>
 *   <li>For a class without errors, write {@code <Outer_Inner>_ReactiveHandlers}, a
 *       {@code dev.charms.reactive.spi.HandlerIndex} in the class's package.</li>
 * </ol>
 * In the last round, write {@code META-INF/services/dev.charms.reactive.spi.HandlerIndex} and the aggregate
 * index {@code META-INF/reactive/handlers.json} (see {@link IndexResources}) for every class of the
 * compilation. Any unexpected exception becomes a compiler error rather than a javac crash.
 */
public final class ReactiveProcessor extends AbstractProcessor {
    private final List<AnnotationStep> steps;
    private final Function<ProcessingEnvironment, SourceTrees> sourceTrees;
    /** The qualified names of the handler annotations. */
    private final Set<String> annotationNames = new TreeSet<>();
    /** The qualified name of each repeatable annotation's container, to the annotation's. */
    private final Map<String, String> containers = new TreeMap<>();
    /** The valid handler classes of the compilation so far, by binary name. */
    private final Map<String, Model.HandlerClass> handlerClasses = new TreeMap<>();
    /** Classes waiting for a missing type, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** The id of the first handler of each action in this compilation, by action name. */
    private final Map<String, String> actionHandlers = new HashMap<>();
    private Messager messager;
    private Filer filer;
    private HandlerClassValidator validator;
    private IndexSourceGenerator generator;

    /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
    public ReactiveProcessor() {
        this(standardSteps(), SourceTrees::of);
    }

    /** Creates a processor with other steps, or another view of the source trees; for tests. */
    ReactiveProcessor(List<AnnotationStep> steps, Function<ProcessingEnvironment, SourceTrees> sourceTrees) {
        this.steps = List.copyOf(steps);
        this.sourceTrees = sourceTrees;
        for (AnnotationStep step : steps) {
            for (Class<? extends Annotation> annotation : step.annotations()) {
                annotationNames.add(annotation.getCanonicalName());
                Repeatable repeatable = annotation.getAnnotation(Repeatable.class);
                if (repeatable != null) {
                    containers.put(repeatable.value().getCanonicalName(), annotation.getCanonicalName());
                }
            }
        }
    }

    /** One step per annotation family. */
    static List<AnnotationStep> standardSteps() {
        return List.of(new FlagStep(), new HookStep(), new FileChangedStep(), new OnlyOnceStep(),
                new RestrictedHookStep(), new NotUnlessStep(), new ActionStep());
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        messager = env.getMessager();
        filer = env.getFiler();
        MethodAnnotations methodAnnotations =
                new MethodAnnotations(messager, sourceTrees.apply(env), annotationNames, containers);
        validator = new HandlerClassValidator(
                messager, env.getElementUtils(), env.getTypeUtils(), methodAnnotations, steps);
        generator = new IndexSourceGenerator(env.getElementUtils());
    }

    /** Every handler annotation and the container of each repeatable one. */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new TreeSet<>(annotationNames);
        names.addAll(containers.keySet());
        return names;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Runs one round; never claims the annotations, so other processors see them too. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processRound(annotations, round);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            messager.printMessage(Diagnostic.Kind.ERROR, String.format(Messages.INTERNAL_ERROR, trace));
        }
        return false;
    }

    private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            if (!handlerClasses.isEmpty()) {
                write(IndexResources.SERVICES, IndexResources.services(handlerClasses.values()));
                write(IndexResources.AGGREGATE_INDEX, IndexResources.aggregateIndex(handlerClasses.values()));
            }
            return;
        }
        for (TypeElement type : classesToProcess(annotations, round)) {
            if (!validator.isComplete(type)) {
                deferred.add(type.getQualifiedName().toString());
                continue;
            }
            HandlerClassValidator.Result result = validator.validate(type);
            result.report().print();
            result.model().ifPresent(model -> {
                checkActions(model);
                generate(model);
            });
        }
    }

    /** Reports each {@code @Action} handler of the class whose action an earlier handler of the compilation serves. */
    private void checkActions(Model.HandlerClass handlerClass) {
        for (Model.Handler handler : handlerClass.handlers()) {
            if (handler.action().isEmpty()) {
                continue;
            }
            String id = handlerClass.binaryName() + "." + handler.method();
            String first = actionHandlers.putIfAbsent(handler.action().get(), id);
            if (first != null) {
                Element method = handlerClass.type().getEnclosedElements().stream()
                        .filter(e -> e.getKind() == ElementKind.METHOD
                                && e.getSimpleName().contentEquals(handler.method()))
                        .<Element>map(e -> e).findFirst().orElse(handlerClass.type());
                messager.printMessage(Diagnostic.Kind.ERROR,
                        String.format(Messages.ACTION_DUPLICATE, handler.action().get(), id, first), method);
            }
        }
    }

    private List<TypeElement> classesToProcess(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                classes.add(type);
            }
        }
        deferred.clear();
        for (Element method : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
            if (method.getEnclosingElement() instanceof TypeElement type) {
                classes.add(type);
            }
        }
        List<TypeElement> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
        return sorted;
    }

    private void generate(Model.HandlerClass handlerClass) {
        String name = handlerClass.indexBinaryName();
        try (Writer out = filer.createSourceFile(name, handlerClass.type()).openWriter()) {
            out.write(generator.generate(handlerClass));
            handlerClasses.put(handlerClass.binaryName(), handlerClass);
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, String.format(Messages.WRITE_FAILED, name, e),
                    handlerClass.type());
        }
    }

    private void write(String resource, String content) {
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource);
            try (Writer out = file.openWriter()) {
                out.write(content);
            }
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, String.format(Messages.WRITE_FAILED, resource, e));
        }
    }
}
