package dev.charms.reactive.layers.flow;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.layers.LayerToolException;
import dev.charms.reactive.layers.proof.Level;
import dev.charms.reactive.runtime.MetadataYaml;
import dev.charms.reactive.spi.Condition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javassist.bytecode.AnnotationsAttribute;
import javassist.bytecode.ClassFile;
import javassist.bytecode.MethodInfo;
import javassist.bytecode.annotation.Annotation;
import javassist.bytecode.annotation.EnumMemberValue;
import javassist.bytecode.annotation.StringMemberValue;

/**
 * Builds the {@link FlagFlow} of a charm without running it: reads the handler index of each jar
 * ({@code META-INF/reactive/handlers.json}, which the annotation processor writes), then the bytecode of each
 * handler with {@link MethodAnalyzer}.
 *
 * <p>Endpoint classes (handler classes extending {@code Endpoint}) are bound as the runtime binds them: once per
 * relation of {@code metadata.yaml} whose role and interface match the class's {@code @EndpointInterface}, each
 * binding with {@code {endpoint_name}} replaced by the relation name, and their {@code registerTriggers} and
 * {@code manageFlags} methods analysed as code that runs at the start of every hook. Without {@code metadata.yaml}
 * (a bare jar), each endpoint class is bound once with {@code {endpoint_name}} left as it is, and the automatic
 * flags are patterns that match any option or endpoint.
 */
public final class FlowAnalysis {

    static final String INDEX = "META-INF/reactive/handlers.json";
    private static final String ENDPOINT = "dev.charms.reactive.endpoints.Endpoint";
    private static final String ENDPOINT_INTERFACE = "dev.charms.reactive.EndpointInterface";
    private static final String ENDPOINT_NAME = "{endpoint_name}";
    private static final List<String> STARTUP_METHODS = List.of("registerTriggers", "manageFlags");

    private FlowAnalysis() {
    }

    /**
     * Analyses the charm {@code input}.
     *
     * @throws LayerToolException when a handler index, metadata.yaml or config.yaml cannot be read, naming it
     */
    public static FlagFlow analyze(CharmInput input) {
        List<RelationDeclaration> relations = input.metadata()
                .map(text -> parse(() -> MetadataYaml.relations(text, "metadata.yaml"))).orElse(null);
        List<String> options = input.config()
                .map(text -> parse(() -> ConfigYaml.parse(text, "config.yaml")).stream().map(ConfigOption::name)
                        .toList()).orElse(null);
        try (ClassFiles classes = new ClassFiles(input.jars())) {
            return new Run(classes, relations).analyze(input.name(), options);
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new LayerToolException(e.getMessage(), e);
        }
    }

    /** One handler entry of an index. */
    private record Indexed(String jar, String id, String className, String method, List<Condition> conditions,
            List<String> notUnless, boolean action, List<String> parameters) {
    }

    private static final class Run {
        private final ClassFiles classes;
        private final List<RelationDeclaration> relations;
        private final MethodAnalyzer analyzer;
        private final List<FlowNote> notes = new ArrayList<>();
        private final List<HandlerFlow> handlers = new ArrayList<>();
        /**
         * Endpoint class to its bindings (relation names, or {@code {endpoint_name}}; empty when it cannot be bound),
         * in order of discovery.
         */
        private final Map<String, Optional<List<String>>> endpoints = new LinkedHashMap<>();

        Run(ClassFiles classes, List<RelationDeclaration> relations) {
            this.classes = classes;
            this.relations = relations;
            this.analyzer = new MethodAnalyzer(classes);
        }

        FlagFlow analyze(String charm, List<String> options) {
            List<Indexed> indexed = readIndexes();
            if (indexed.isEmpty()) {
                notes.add(new FlowNote(Level.INFO, "no-index", charm, "", "no jar holds " + INDEX
                        + ", so there are no handlers to analyse; compile the charm's handler classes with"
                        + " reactive-processor on the annotation processor path"));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Indexed handler : indexed) {
                if (seen.add(handler.id())) {
                    add(handler);
                }
            }
            addStartup();
            return new FlagFlow(charm, handlers, automatic(options), notes, relations != null);
        }

        private List<Indexed> readIndexes() {
            List<Indexed> all = new ArrayList<>();
            for (ZipFile jar : classes.jars()) {
                ZipEntry entry = jar.getEntry(INDEX);
                if (entry == null) {
                    continue;
                }
                String where = jar.getName() + "!" + INDEX;
                try (InputStream in = jar.getInputStream(entry)) {
                    JsonObject index = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    for (JsonElement element : index.getAsJsonArray("handlers")) {
                        all.add(handler(where, element.getAsJsonObject()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + where, e);
                } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                    throw new LayerToolException(where + ": not a handler index of format 1 (" + e.getMessage()
                            + "); rebuild the jar with this version of reactive-processor", e);
                }
            }
            return all;
        }

        private static Indexed handler(String where, JsonObject json) {
            List<Condition> conditions = new ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("conditions")) {
                JsonObject condition = element.getAsJsonObject();
                conditions.add(new Condition(Condition.Kind.valueOf(condition.get("kind").getAsString()),
                        strings(condition.getAsJsonArray("values")), condition.get("hash").getAsString()));
            }
            JsonElement action = json.get("action");
            return new Indexed(where, json.get("id").getAsString(), json.get("class").getAsString(),
                    json.get("method").getAsString(), conditions, strings(json.getAsJsonArray("notUnless")),
                    action != null && !action.isJsonNull(), strings(json.getAsJsonArray("parameters")));
        }

        private static List<String> strings(JsonArray array) {
            List<String> values = new ArrayList<>();
            array.forEach(e -> values.add(e.getAsString()));
            return values;
        }

        private void add(Indexed handler) {
            Optional<ClassFile> type = classes.find(handler.className());
            if (type.isEmpty()) {
                notes.add(new FlowNote(Level.ERROR, "missing-class", simpleName(handler.className()) + "."
                        + handler.method(), "", handler.jar() + " lists " + handler.className() + ", which no jar of"
                        + " the charm holds; the runtime cannot load it: rebuild the jar"));
                return;
            }
            for (String parameter : handler.parameters()) {
                classes.find(parameter).filter(p -> classes.isSubclass(p, ENDPOINT) && !p.isAbstract())
                        .ifPresent(this::bindings);
            }
            List<String> bindings = List.of("");
            if (classes.isSubclass(type.get(), ENDPOINT)) {
                Optional<List<String>> bound = bindings(type.get());
                if (bound.isEmpty()) {
                    return;
                }
                bindings = bound.get();
            }
            String descriptor = handler.parameters().stream().map(p -> "L" + p.replace('.', '/') + ";")
                    .collect(Collectors.joining("", "(", ")"));
            Optional<MethodInfo> method = type.get().getMethods().stream()
                    .filter(m -> m.getName().equals(handler.method()) && m.getDescriptor().startsWith(descriptor))
                    .findFirst();
            String display = simpleName(handler.className()) + "." + handler.method();
            if (method.isEmpty()) {
                notes.add(new FlowNote(Level.WARNING, "missing-method", display, "", handler.className()
                        + " has no method " + handler.method() + descriptor + ", which " + handler.jar()
                        + " lists; its flags are not analysed: rebuild the jar"));
            }
            MethodAnalyzer.MethodFlow flow = method.map(m -> analyzer.analyze(type.get(), m))
                    .orElse(new MethodAnalyzer.MethodFlow(List.of(), List.of()));
            HandlerFlow.Kind kind = handler.action() ? HandlerFlow.Kind.ACTION : HandlerFlow.Kind.HANDLER;
            for (String binding : bindings) {
                handlers.add(bound(handler.id(), display, kind, binding, handler.conditions(), handler.notUnless(),
                        flow, classes.layerJar(handler.className())));
            }
        }

        /** {@code registerTriggers} and {@code manageFlags} of each bound endpoint class, once per binding. */
        private void addStartup() {
            endpoints.forEach((className, bindings) -> bindings.ifPresent(names -> {
                ClassFile type = classes.find(className).orElseThrow();
                for (String methodName : STARTUP_METHODS) {
                    Optional<ClassFile> declaring = Optional.of(type);
                    Optional<MethodInfo> method = Optional.empty();
                    while (declaring.isPresent() && !declaring.get().getName().equals(ENDPOINT) && method.isEmpty()) {
                        method = ClassFiles.method(declaring.get(), methodName, "()V");
                        if (method.isEmpty()) {
                            declaring = classes.find(declaring.get().getSuperclass());
                        }
                    }
                    if (method.isEmpty()) {
                        continue;
                    }
                    MethodAnalyzer.MethodFlow flow = analyzer.analyze(declaring.get(), method.get());
                    for (String binding : names) {
                        handlers.add(bound(className + "." + methodName, simpleName(className) + "." + methodName,
                                HandlerFlow.Kind.ENDPOINT_STARTUP, binding, List.of(), List.of(), flow,
                                classes.layerJar(className)));
                    }
                }
            }));
        }

        /**
         * One binding of a handler: for an endpoint binding (a relation name), {@code :<name>} after its id and
         * display name and {@code {endpoint_name}} replaced in every flag; unchanged for "" (not an endpoint) and
         * {@code {endpoint_name}} (metadata.yaml unknown).
         */
        private static HandlerFlow bound(String id, String display, HandlerFlow.Kind kind, String binding,
                List<Condition> conditions, List<String> notUnless, MethodAnalyzer.MethodFlow flow,
                Optional<String> layerJar) {
            boolean named = !binding.isEmpty() && !binding.equals(ENDPOINT_NAME);
            String suffix = named ? ":" + binding : "";
            UnaryOperator<String> expand = text -> named ? text.replace(ENDPOINT_NAME, binding) : text;
            UnaryOperator<FlagRef> flag = f -> new FlagRef(expand.apply(f.name()), f.computed());
            return new HandlerFlow(id + suffix, display + suffix, kind,
                    conditions.stream().map(c -> new Condition(c.kind(), c.values().stream().map(expand).toList(),
                            c.hash())).toList(),
                    notUnless.stream().map(expand).toList(),
                    flow.uses().stream().map(u -> new FlagUse(u.effect(), flag.apply(u.flag()), u.conditional()))
                            .toList(),
                    flow.triggers().stream().map(t -> new TriggerFlow(flag.apply(t.flag()), t.onSet(),
                            t.sets().stream().map(flag).toList(), t.clears().stream().map(flag).toList())).toList(),
                    layerJar);
        }

        /**
         * The relation names an endpoint class is bound to; {@code {endpoint_name}} alone without metadata.yaml;
         * empty (with a note) when it cannot be bound.
         */
        private Optional<List<String>> bindings(ClassFile type) {
            Optional<List<String>> known = endpoints.get(type.getName());
            if (known == null) {
                known = bind(type);
                endpoints.put(type.getName(), known);
            }
            return known;
        }

        private Optional<List<String>> bind(ClassFile type) {
            Optional<Annotation> annotation = endpointInterface(type);
            String simple = simpleName(type.getName());
            if (annotation.isEmpty()) {
                notes.add(new FlowNote(Level.ERROR, "endpoint-interface", simple, "", type.getName()
                        + " extends Endpoint but has no @EndpointInterface, so the runtime refuses to start any"
                        + " hook; annotate it with @EndpointInterface(value = \"<interface>\", role = PROVIDES,"
                        + " REQUIRES or PEERS)"));
                return Optional.empty();
            }
            if (relations == null) {
                return Optional.of(List.of(ENDPOINT_NAME));
            }
            String interfaceName = ((StringMemberValue) annotation.get().getMemberValue("value")).getValue();
            String role = ((EnumMemberValue) annotation.get().getMemberValue("role")).getValue();
            List<String> names = relations.stream()
                    .filter(r -> r.role().name().equals(role) && r.interfaceName().equals(interfaceName))
                    .map(RelationDeclaration::name).toList();
            if (names.isEmpty()) {
                notes.add(new FlowNote(Level.WARNING, "unbound-endpoint", simple, "", "metadata.yaml declares no "
                        + role.toLowerCase(java.util.Locale.ROOT) + " relation with interface " + interfaceName
                        + ", so " + type.getName() + " is bound to none and its handlers never run; declare the"
                        + " relation, or remove the class"));
                return Optional.empty();
            }
            return Optional.of(names);
        }

        /** {@code @EndpointInterface} of the class or (it is inherited) of a superclass. */
        private Optional<Annotation> endpointInterface(ClassFile type) {
            Optional<ClassFile> current = Optional.of(type);
            while (current.isPresent() && !current.get().getName().equals(ENDPOINT)) {
                AnnotationsAttribute attribute =
                        (AnnotationsAttribute) current.get().getAttribute(AnnotationsAttribute.visibleTag);
                Annotation annotation = attribute == null ? null : attribute.getAnnotation(ENDPOINT_INTERFACE);
                if (annotation != null) {
                    return Optional.of(annotation);
                }
                current = classes.find(current.get().getSuperclass());
            }
            return Optional.empty();
        }

        /** The flags the framework sets in this charm; see {@link AutomaticFlags}. */
        private AutomaticFlags automatic(List<String> options) {
            List<AutomaticFlags.Rule> rules = new ArrayList<>();
            if (options == null) {
                rules.add(new AutomaticFlags.Rule("config.changed", "config: some option changed, or the first hook"));
                rules.add(new AutomaticFlags.Rule("config.changed.*", "config: the option changed"));
                rules.add(new AutomaticFlags.Rule("config.set.*", "config: the option has a value"));
                rules.add(new AutomaticFlags.Rule("config.default.*", "config: the option has its default"));
            } else if (!options.isEmpty()) {
                rules.add(new AutomaticFlags.Rule("config.changed", "config: some option changed, or the first hook"));
                for (String option : options) {
                    rules.add(new AutomaticFlags.Rule("config.changed." + option, "config: " + option + " changed"));
                    rules.add(new AutomaticFlags.Rule("config.set." + option, "config: " + option + " has a value"));
                    rules.add(new AutomaticFlags.Rule("config.default." + option,
                            "config: " + option + " has its default"));
                }
            }
            rules.add(new AutomaticFlags.Rule("upgrade.series.in-progress",
                    "from pre-series-upgrade to post-series-upgrade"));
            rules.add(new AutomaticFlags.Rule("leadership.is_leader", "leadership: this unit is the leader"));
            rules.add(new AutomaticFlags.Rule("leadership.changed", "leadership: a leader setting changed"));
            rules.add(new AutomaticFlags.Rule("leadership.changed.*", "leadership: the setting changed"));
            rules.add(new AutomaticFlags.Rule("leadership.set.*", "leadership: the setting has a value"));
            Set<String> names = new LinkedHashSet<>();
            if (relations == null) {
                names.add("*");
            } else {
                endpoints.values().forEach(bound -> bound.ifPresent(names::addAll));
            }
            for (String name : names) {
                rules.add(new AutomaticFlags.Rule("endpoint." + name + ".joined", "endpoint: a remote unit is joined"));
                rules.add(new AutomaticFlags.Rule("endpoint." + name + ".departed",
                        "endpoint: a remote unit departed"));
                rules.add(new AutomaticFlags.Rule("endpoint." + name + ".changed",
                        "endpoint: a joined unit's data changed"));
                rules.add(new AutomaticFlags.Rule("endpoint." + name + ".changed.*",
                        "endpoint: the field of a joined unit's data changed"));
            }
            return new AutomaticFlags(rules);
        }
    }

    /** {@code a.b.Outer$Inner} to {@code Inner}, as {@code Class.getSimpleName()} gives it. */
    static String simpleName(String binaryName) {
        String name = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
