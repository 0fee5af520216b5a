package dev.charms.reactive.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.action.ActionsYaml;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.config.ConfigYaml;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.dispatch.FileDigests;
import dev.charms.reactive.endpoints.EndpointEnvironment;
import dev.charms.reactive.endpoints.EndpointSupport;
import dev.charms.reactive.dispatch.HandlerSet;
import dev.charms.reactive.dispatch.HookFailedException;
import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.dispatch.HookRunner;
import dev.charms.reactive.dispatch.RelationDeclaration;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.juju.RelationId;
import dev.charms.reactive.juju.StatusValue;
import dev.charms.reactive.juju.UnitName;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.HookExtension;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.state.UnitState;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one hook or action of a charm in memory, through the production {@link HookRunner}, from a declared state:
 * flags, config, leadership, unit state. Each method returns a new harness; a harness can be run any number of times.
 * <pre>{@code
 * Result result = Harness.of(HelloCharm.class)
 *         .flags("hello.installed")
 *         .configYaml("options: {greeting: {type: string, default: hello}}")
 *         .config("greeting", "hi")
 *         .hook("config-changed")
 *         .run();
 * assertThat(result.invoked()).containsExactly("HelloCharm.configure", "HelloCharm.start");
 * assertThat(result.flags()).contains("hello.started");
 *
 * Result backup = Harness.of(BackupCharm.class)
 *         .actionsYaml("backup: {params: {target: {type: string}}, required: [target]}")
 *         .action("backup", Map.of("target", "/srv"))
 *         .run();
 * assertThat(backup.actionResults()).containsEntry("backup.size", "1234");
 * assertThat(backup.actionFailure()).isEmpty();
 * }</pre>
 * Unlike production, hitting the iteration cap fails the run ({@link dev.charms.reactive.dispatch.IterationCapExceededException}
 * as the cause), and a failed hook makes {@link #run()} throw {@link HarnessRunFailed} with the whole log; use
 * {@link #runExpectingFailure()} to assert on a failure.
 */
public final class Harness {
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private final Setup setup;

    private Harness(Setup setup) {
        this.setup = setup;
    }

    /** The declared inputs; copied on every change, so harnesses never share one. */
    private static final class Setup {
        private HandlerSet handlers;
        private String hook;
        /** The action's parameters when {@link #hook} names an action to run; null for a hook. */
        private Map<String, Object> actionParams;
        private Map<String, ActionSpec> actions = Map.of();
        private JsonObject state = new JsonObject();
        private Map<String, Object> flags = new LinkedHashMap<>();
        private List<ConfigOption> options = List.of();
        private Map<String, Object> config = new LinkedHashMap<>();
        private boolean leader;
        private Map<String, String> leaderSettings = Map.of();
        private List<RelationDeclaration> relations = List.of();
        private String unitName = "local/0";
        private Map<String, RelationState> relationStates = new LinkedHashMap<>();
        private String relationId;
        private String remoteUnit;
        private StatusValue unitStatus = new StatusValue("unknown", "");
        private int iterationCap = 100;
        private Path charmDir = Path.of("");
        private List<ParameterResolver> resolvers = new ArrayList<>();
        private List<Trigger> triggers = new ArrayList<>();
        private List<HookExtension> extensions = new ArrayList<>();
        private boolean tracing = true;

        private Setup copy() {
            Setup c = new Setup();
            c.handlers = handlers;
            c.hook = hook;
            c.actionParams = actionParams;
            c.actions = actions;
            c.state = state.deepCopy();
            c.flags = new LinkedHashMap<>(flags);
            c.options = options;
            c.config = new LinkedHashMap<>(config);
            c.leader = leader;
            c.leaderSettings = leaderSettings;
            c.relations = relations;
            c.unitName = unitName;
            c.relationStates = new LinkedHashMap<>(relationStates);
            c.relationId = relationId;
            c.remoteUnit = remoteUnit;
            c.unitStatus = unitStatus;
            c.iterationCap = iterationCap;
            c.charmDir = charmDir;
            c.resolvers = new ArrayList<>(resolvers);
            c.triggers = new ArrayList<>(triggers);
            c.extensions = new ArrayList<>(extensions);
            c.tracing = tracing;
            return c;
        }
    }

    /**
     * A harness for these handler classes, in the given order. Each class uses its generated
     * {@code <SimpleName>_ReactiveHandlers} when present, else the reflective builder
     * ({@link HandlerDiscovery#forClass}).
     *
     * @throws dev.charms.reactive.discovery.HandlerDiscoveryException if a class's handlers cannot be used
     */
    public static Harness of(Class<?>... handlerClasses) {
        return of(HandlerSet.of(Arrays.stream(handlerClasses).map(HandlerDiscovery::forClass).toList()));
    }

    /**
     * A harness for these handlers in exactly this order, each invoked on an instance of its declaring class made
     * with its no-argument constructor (once per class and run).
     */
    public static Harness of(HandlerDefinition... handlers) {
        return of(HandlerSet.ofDefinitions(List.of(handlers), Harness::instantiate));
    }

    /** A harness for a handler set, e.g. one discovery produced. */
    public static Harness of(HandlerSet handlers) {
        Setup setup = new Setup();
        setup.handlers = Objects.requireNonNull(handlers, "handlers");
        return new Harness(setup);
    }

    /** An instance made with the class's constructor without parameters, which may be non-public. */
    private static Object instantiate(Class<?> handlerClass) {
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

    /**
     * The handlers of {@code handlerClass} run on objects {@code instances} makes (one per run, as the default
     * constructor would be called), e.g. {@code .instance(HelloCharm.class, () -> new HelloCharm(configFile))} for
     * a charm whose tests hand it a temporary path. The handlers and their order do not change.
     *
     * @throws IllegalArgumentException if {@code handlerClass} has no handlers in this harness, naming those that do
     */
    public <T> Harness instance(Class<T> handlerClass, Supplier<? extends T> instances) {
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(instances, "instances");
        List<HandlerIndex> indexes = setup.handlers.indexes();
        if (indexes.stream().noneMatch(index -> index.handlerClass() == handlerClass)) {
            throw new IllegalArgumentException(handlerClass.getName() + " has no handlers in this harness; its handler"
                    + " classes are " + indexes.stream().map(index -> index.handlerClass().getName()).distinct()
                            .toList());
        }
        HandlerSet handlers = HandlerSet.of(indexes.stream()
                .map(index -> index.handlerClass() == handlerClass ? new SuppliedInstances(index, instances) : index)
                .toList());
        return with(s -> s.handlers = handlers);
    }

    /** An index whose handlers run on objects a supplier makes. */
    private record SuppliedInstances(HandlerIndex index, Supplier<?> instances) implements HandlerIndex {
        @Override
        public Class<?> handlerClass() {
            return index.handlerClass();
        }

        @Override
        public Object newInstance() {
            return Objects.requireNonNull(instances.get(), () -> "the supplier of " + index.handlerClass().getName()
                    + " instances given to Harness.instance returned null");
        }

        @Override
        public List<HandlerDefinition> handlers() {
            return index.handlers();
        }
    }

    /** A harness for these handler indexes, in order. */
    public static Harness ofIndexes(HandlerIndex... indexes) {
        return of(HandlerSet.of(indexes));
    }

    /** The hook to run, e.g. {@code install}, {@code config-changed}, {@code db-relation-joined}. */
    public Harness hook(String hook) {
        Objects.requireNonNull(hook, "hook");
        return with(s -> {
            s.hook = hook;
            s.actionParams = null;
        });
    }

    /**
     * The action to run in place of a hook, with the parameters Juju passes ({@code action-get}), e.g.
     * {@code .action("backup", Map.of("target", "/srv"))}: as in production ({@link HookRunner#runAction}), its
     * {@code @Action} handlers run, then the flag loop. The parameters are checked against the action's declaration
     * in {@link #actionsYaml} when there is one, and its defaults added; parameters that do not match, or an action
     * no handler serves, fail the action ({@link Result#actionFailure()}), not the run. Numbers may be given as
     * Integer; handlers get them as Long, as from {@code action-get}.
     */
    public Harness action(String name, Map<String, ?> params) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> given = new LinkedHashMap<>();
        params.forEach((param, value) -> given.put(param, ActionsYaml.widen(value)));
        return with(s -> {
            s.hook = name;
            s.actionParams = given;
        });
    }

    /** The action declarations, from the text of an {@code actions.yaml}; see {@link #action}. */
    public Harness actionsYaml(String text) {
        Map<String, ActionSpec> actions = ActionsYaml.parse(text, "actions.yaml");
        return with(s -> s.actions = actions);
    }

    /**
     * The action declarations, e.g. those {@link ActionsYaml#parse} read from an {@code actions.yaml}; see
     * {@link #action}.
     */
    public Harness actions(ActionSpec... actions) {
        Map<String, ActionSpec> byName = new LinkedHashMap<>();
        Arrays.stream(actions).forEach(action -> byName.put(action.name(), action));
        return with(s -> s.actions = Collections.unmodifiableMap(byName));
    }

    /** Flags set (without a value) before the hook, in addition to those of {@link #state}. */
    public Harness flags(String... flags) {
        return with(s -> Arrays.stream(flags).forEach(f -> s.flags.put(f, null)));
    }

    /** A flag set with a value before the hook. */
    public Harness flag(String flag, Object value) {
        return with(s -> s.flags.put(flag, value));
    }

    /**
     * The unit state the hook starts from, e.g. {@link Result#state()} of the previous hook. Replaces the flags
     * declared so far with {@link #flags}; declare more after this call.
     */
    public Harness state(JsonObject state) {
        UnitState.fromJson(state); // a malformed state fails here, not at run()
        return with(s -> {
            s.state = state.deepCopy();
            s.flags.clear();
        });
    }

    /** The option declarations of {@code config.yaml}, in file order. */
    public Harness configOptions(ConfigOption... options) {
        return with(s -> s.options = List.of(options));
    }

    /** The option declarations, from the text of a {@code config.yaml}. */
    public Harness configYaml(String text) {
        List<ConfigOption> options = ConfigYaml.parse(text, "config.yaml");
        return with(s -> s.options = options);
    }

    /** Config values set by the operator; declared options without a value get their default. */
    public Harness config(Map<String, ?> values) {
        return with(s -> s.config.putAll(values));
    }

    /** One config value set by the operator. */
    public Harness config(String option, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(option, value);
        return config(one);
    }

    /** Whether this unit is the leader (default false). */
    public Harness leader(boolean leader) {
        return with(s -> s.leader = leader);
    }

    /** The application's leader settings before the hook. */
    public Harness leaderSettings(Map<String, String> settings) {
        return with(s -> s.leaderSettings = Map.copyOf(settings));
    }

    /** The relations of {@code metadata.yaml}, for {@code {role:interface}} hook patterns. */
    public Harness relations(RelationDeclaration... relations) {
        return with(s -> s.relations = List.of(relations));
    }

    /** The name of the unit the hook runs on (default {@code local/0}). */
    public Harness unitName(String unitName) {
        UnitName.parse(unitName);
        return with(s -> s.unitName = unitName);
    }

    /**
     * A relation in the model before the hook, with its units and data; replaces one with the same id. Endpoints
     * of the charm read it, and what they publish can be read back with {@link Result#localUnitData(String)}.
     */
    public Harness relation(RelationState relation) {
        Objects.requireNonNull(relation, "relation");
        return with(s -> s.relationStates.put(relation.relationId(), relation));
    }

    /**
     * The relation and remote unit a relation hook is about ({@code JUJU_RELATION_ID}, {@code JUJU_REMOTE_UNIT}),
     * e.g. for {@code db-relation-departed} the relation and the departing unit.
     */
    public Harness relationContext(String relationId, String remoteUnit) {
        RelationId.parse(relationId);
        UnitName.parse(remoteUnit);
        return with(s -> {
            s.relationId = relationId;
            s.remoteUnit = remoteUnit;
        });
    }

    /** The unit's status before the hook (default {@code unknown}). */
    public Harness unitStatus(StatusValue status) {
        Objects.requireNonNull(status, "status");
        return with(s -> s.unitStatus = status);
    }

    /** The flag loop's iteration cap (default 100); hitting it fails the run. */
    public Harness iterationCap(int cap) {
        return with(s -> s.iterationCap = cap);
    }

    /** The directory relative {@code @WhenFileChanged} paths resolve against (default: the working directory). */
    public Harness charmDir(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return with(s -> s.charmDir = dir);
    }

    /** Adds a parameter resolver, e.g. one handing handlers a fake of a layer's injectable type. */
    public Harness resolver(ParameterResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        return with(s -> s.resolvers.add(resolver));
    }

    /** Adds a trigger registered at the start of the hook. */
    public Harness trigger(Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        return with(s -> s.triggers.add(trigger));
    }

    /** Adds a hook extension. */
    public Harness extension(HookExtension extension) {
        Objects.requireNonNull(extension, "extension");
        return with(s -> s.extensions.add(extension));
    }

    /** Whether the dispatch trace is written (default true); tracing never changes what runs. */
    public Harness tracing(boolean tracing) {
        return with(s -> s.tracing = tracing);
    }

    /**
     * Runs the hook.
     *
     * @throws HarnessRunFailed when the hook failed, with the cause and the whole log in the message
     */
    public Result run() {
        Attempt attempt = attempt();
        if (attempt.failure != null) {
            HookFailedException e = attempt.failure;
            String log = e.log().stream().map(LogLine::toString).collect(Collectors.joining("\n"));
            throw new HarnessRunFailed(e.getMessage() + "\n--- log of " + running() + " ---\n" + log, e.getCause());
        }
        HookOutcome outcome = attempt.outcome;
        return new Result(setup.hook, outcome.invoked(), attempt.input.flags(), outcome.state(), outcome.log(),
                attempt.backend);
    }

    /**
     * Runs the hook and expects it to fail.
     *
     * @throws AssertionError when the hook succeeded
     */
    public Failure runExpectingFailure() {
        Attempt attempt = attempt();
        if (attempt.failure == null) {
            throw new AssertionError("expected " + running() + " to fail, but it succeeded; invoked: "
                    + attempt.outcome.invoked());
        }
        HookFailedException e = attempt.failure;
        return new Failure(e.getCause(), e.handler(), e.invoked(), e.log(), attempt.input.toJson(),
                attempt.backend.calls());
    }

    /** {@code hook install} or {@code action backup}. */
    private String running() {
        return (setup.actionParams == null ? "hook " : "action ") + setup.hook;
    }

    private record Attempt(UnitState input, InMemoryJujuBackend backend, HookOutcome outcome,
            HookFailedException failure) {
    }

    private Attempt attempt() {
        if (setup.hook == null) {
            throw new IllegalStateException("no hook to run; call .hook(\"install\") (or another hook name), or"
                    + " .action(\"<name>\", params), first");
        }
        UnitState input = UnitState.fromJson(setup.state);
        setup.flags.forEach((flag, value) -> input.setFlag(flag, GSON.toJsonTree(value)));
        Map<String, Object> config = new LinkedHashMap<>();
        setup.options.forEach(o -> config.put(o.name(), o.defaultValue()));
        config.putAll(setup.config);
        InMemoryJujuBackend backend = new InMemoryJujuBackend(config, setup.leader, setup.leaderSettings,
                setup.unitStatus, setup.actionParams == null ? Map.of() : setup.actionParams);
        backend.setRelations(setup.unitName, List.copyOf(setup.relationStates.values()));
        EndpointEnvironment environment = new EndpointEnvironment(setup.unitName,
                Optional.ofNullable(setup.relationId), Optional.ofNullable(setup.remoteUnit));
        HookRunner.Builder builder = HookRunner.builder(setup.handlers)
                .relations(setup.relations)
                .configOptions(setup.options)
                .actions(setup.actions)
                .iterationCap(setup.iterationCap)
                .failOnIterationCap(true)
                .files(FileDigests.under(setup.charmDir))
                .tracing(setup.tracing);
        setup.resolvers.forEach(builder::resolver);
        setup.triggers.forEach(builder::trigger);
        setup.extensions.forEach(builder::extension);
        EndpointSupport.of(setup.handlers, setup.relations, environment).install(builder);
        try {
            HookRunner runner = builder.build();
            HookOutcome outcome = setup.actionParams == null ? runner.run(backend, setup.hook, input.toJson())
                    : runner.runAction(backend, setup.hook, input.toJson());
            return new Attempt(input, backend, outcome, null);
        } catch (HookFailedException e) {
            return new Attempt(input, backend, null, e);
        }
    }

    private Harness with(Consumer<Setup> change) {
        Setup changed = setup.copy();
        change.accept(changed);
        return new Harness(changed);
    }
}
