package dev.charms.reactive.dispatch;

import com.google.gson.JsonObject;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.action.ActionParamsException;
import dev.charms.reactive.action.ActionSpec;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.config.ConfigFlags;
import dev.charms.reactive.config.ConfigOption;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.flags.Trigger;
import dev.charms.reactive.juju.JujuBackend;
import dev.charms.reactive.juju.LogLevel;
import dev.charms.reactive.leadership.Leadership;
import dev.charms.reactive.leadership.LeadershipFlags;
import dev.charms.reactive.log.Log;
import dev.charms.reactive.log.LogLine;
import dev.charms.reactive.log.LogSink;
import dev.charms.reactive.spi.HandlerBinder;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HandlerIndex;
import dev.charms.reactive.spi.HookExtension;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.state.DataChanged;
import dev.charms.reactive.state.UnitState;
import dev.charms.reactive.status.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one whole hook in-process: automatic flags at start, the dispatch, the exit steps, and the deferred writes,
 * over a unit state given as JSON and returned as new JSON only if everything succeeded. {@code Main} calls it with
 * the production {@link JujuBackend} and the state file's content; the harness and the model simulator call it
 * with an in-memory backend, so the production dispatcher runs unchanged under test.
 * <pre>{@code
 * HookRunner runner = HookRunner.builder(handlers)
 *         .relations(metadataRelations)
 *         .configOptions(ConfigYaml.parse(configYamlText, "config.yaml"))
 *         .build();
 * try {
 *     HookOutcome outcome = runner.run(backend, hookName, stateFile.read());
 *     stateFile.write(outcome.state());
 * } catch (HookFailedException e) {
 *     System.exit(1);   // already logged as "Hook error: ..."; the state file is untouched
 * }
 * }</pre>
 *
 * <p>{@link #runAction} runs an action the same way, with three differences: the hooks phase runs the action's
 * {@code @Action} handlers (with an {@link ActionContext}) instead of {@code @Hook} ones, then the flag loop
 * runs as usual, so flags the action sets wake handlers in the same run; the {@code config.changed*} flags are
 * not set and the configuration is not saved, so a pending change is left for the next hook (layer-basic #67);
 * and when no handler serves the action, or its parameters do not match {@code actions.yaml}, the action is
 * failed with {@code action-fail} and a message saying why, nothing runs, and the state is returned unchanged
 * (the run succeeds: the unit is fine, the action failed).
 *
 * <p>Steps of a hook (restricted hooks, {@code collect-metrics} and {@code meter-status-changed}, skip the start
 * and exit steps and run only their restricted handlers):
 * <ol>
 *   <li>log {@code Reactive main running for hook <hook>} (and {@code Restricted mode.});</li>
 *   <li>register the configured triggers; set the {@code config.*} flags; start the trace; set or clear
 *       {@code upgrade.series.in-progress} in {@code pre-}/{@code post-series-upgrade}; run each extension's
 *       {@code atStart}; set the {@code leadership.*} flags;</li>
 *   <li>dispatch: the hooks phase, then the flag loop;</li>
 *   <li>each extension's {@code atExit} (reverse order); record leader-setting writes; forget the triggers; stop the
 *       trace; save the configuration and clear the {@code config.*} flags;</li>
 *   <li>commit the new state (when the caller gives a commit step), then publish {@code leader-set} and each
 *       extension's {@code publish};</li>
 *   <li>return the new state. Any exception instead logs {@code Hook error:} with the stack trace and throws
 *       {@link HookFailedException}; nothing is committed (after a failed publication, the state from before the
 *       hook is committed again).</li>
 * </ol>
 * A runner is immutable apart from a per-handler cache of resolver choices, and not meant for concurrent use.
 */
public final class HookRunner {
    /** The hooks that run in restricted mode. */
    public static final Set<String> RESTRICTED_HOOKS = Set.of("collect-metrics", "meter-status-changed");
    /** The flag set in {@code pre-series-upgrade} and cleared in {@code post-series-upgrade}. */
    public static final String SERIES_UPGRADE_FLAG = "upgrade.series.in-progress";

    private final HandlerSet handlerSet;
    private final List<RelationDeclaration> relations;
    private final Map<String, ActionSpec> actions;
    private final Set<String> handledActions = new TreeSet<>();
    private final Map<Class<?>, Supplier<?>> services;
    private final List<ConfigOption> configOptions;
    private final List<HookExtension> extensions;
    private final List<Trigger> triggers;
    private final FileDigests files;
    private final LogSink logSink;
    private final boolean tracing;
    private static final String LEADERSHIP_FLAG_PREFIX = "leadership.";

    private final Dispatcher dispatcher;
    /**
     * Whether a handler's condition names a {@code leadership.*} flag. Only then are those flags maintained, as
     * layer-leadership maintained them only in charms that included it: reading them costs two hook-tool
     * processes ({@code is-leader}, {@code leader-get}) in every hook.
     */
    private final boolean leadershipFlagsWatched;

    private HookRunner(Builder b) {
        this.handlerSet = b.handlers;
        this.relations = List.copyOf(b.relations);
        this.actions = Map.copyOf(b.actions);
        this.services = Map.copyOf(b.services);
        this.configOptions = List.copyOf(b.configOptions);
        this.extensions = List.copyOf(b.extensions);
        this.triggers = List.copyOf(b.triggers);
        this.files = b.files;
        this.logSink = b.logSink;
        this.tracing = b.tracing;
        List<ParameterResolver> resolvers = new ArrayList<>();
        resolvers.add(new ServiceResolver(services.keySet()));
        resolvers.addAll(b.resolvers);
        if (b.serviceLoader != null && b.loadResolvers) {
            ServiceLoader.load(ParameterResolver.class, b.serviceLoader).forEach(resolvers::add);
        }
        List<Handler> handlers = new ArrayList<>();
        Set<HandlerIndex> boundIndexes = new HashSet<>();
        for (Map.Entry<HandlerDefinition, HandlerIndex> e : handlerSet.byHandler().entrySet()) {
            HandlerDefinition definition = e.getKey();
            HandlerIndex index = e.getValue();
            definition.action().ifPresent(handledActions::add);
            Optional<List<HandlerBinder.Binding>> bound = Optional.empty();
            for (HandlerBinder binder : b.binders) {
                bound = binder.bindings(definition, index);
                if (bound.isPresent()) {
                    break;
                }
            }
            if (bound.isEmpty()) {
                handlers.add(new Handler(handlers.size(), definition, index, index.handlerClass(),
                        hook -> index.newInstance(), "", UnaryOperator.identity(), relations));
            }
            bound.ifPresent(bindings -> boundIndexes.add(index));
            for (HandlerBinder.Binding binding : bound.orElse(List.of())) {
                handlers.add(new Handler(handlers.size(), definition, index, List.of(index.handlerClass(),
                        binding.name()), binding.target(), ":" + binding.name(), binding.flagNames(), relations));
            }
        }
        resolvers.add(new CharmImplementations(handlerSet.indexes().stream().filter(i -> !boundIndexes.contains(i))
                .toList(), b.serviceLoader));
        this.leadershipFlagsWatched = watchesLeadership(handlers);
        this.dispatcher = new Dispatcher(handlers, new ParameterResolution(resolvers), b.iterationCap, b.failOnCap);
    }

    private static boolean watchesLeadership(List<Handler> handlers) {
        for (Handler h : handlers) {
            for (String flag : h.watched) {
                if (flag.startsWith(LEADERSHIP_FLAG_PREFIX)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Starts a runner for these handlers. */
    public static Builder builder(HandlerSet handlers) {
        return new Builder(handlers);
    }

    /** The handlers this runner dispatches. */
    public HandlerSet handlers() {
        return handlerSet;
    }

    /**
     * Runs one hook.
     *
     * @param backend Juju for this hook
     * @param hook the hook name, e.g. {@code config-changed}
     * @param state the unit state as last committed; an empty object for a new unit
     * @return the new state and what happened
     * @throws HookFailedException when anything failed; {@code state} is then still the state to keep
     */
    public HookOutcome run(JujuBackend backend, String hook, JsonObject state) {
        return execute(backend, hook, false, state, newState -> { });
    }

    /**
     * Runs one hook and commits its new state before anything is published: {@code commit} gets the new state
     * after the exit steps, then {@code leader-set} and the extensions' {@code publish} run. A {@code commit}
     * that throws fails the hook with nothing published. A publication that throws fails the hook too, and
     * {@code commit} is then called again with {@code state}, so the state committed is the one before the hook
     * (the publications already made cannot be taken back; the retried hook makes them again).
     *
     * @param commit persists a state durably, such as {@code StateFile::write}
     * @throws HookFailedException when anything failed, {@code commit} included
     */
    public HookOutcome run(JujuBackend backend, String hook, JsonObject state, Consumer<JsonObject> commit) {
        return execute(backend, hook, false, state, Objects.requireNonNull(commit, "commit"));
    }

    /**
     * Runs one action: its {@code @Action} handlers, then the flag loop (see the class comment).
     *
     * @param backend Juju for this action
     * @param action the action name, e.g. {@code backup}
     * @param state the unit state as last committed; an empty object for a new unit
     * @return the new state and what happened; the state unchanged when the action was failed without running
     * @throws HookFailedException when anything failed, a handler included; {@code state} is then still the
     *     state to keep
     */
    public HookOutcome runAction(JujuBackend backend, String action, JsonObject state) {
        return execute(backend, action, true, state, newState -> { });
    }

    /**
     * Runs one action and commits its new state before anything is published, as {@link #run(JujuBackend,
     * String, JsonObject, Consumer)} does for a hook. An action failed without running commits nothing.
     */
    public HookOutcome runAction(JujuBackend backend, String action, JsonObject state, Consumer<JsonObject> commit) {
        return execute(backend, action, true, state, Objects.requireNonNull(commit, "commit"));
    }

    /** The actions some {@code @Action} handler serves, sorted. */
    public Set<String> handledActions() {
        return java.util.Collections.unmodifiableSet(handledActions);
    }

    private HookOutcome execute(JujuBackend backend, String hook, boolean isAction, JsonObject state,
            Consumer<JsonObject> commit) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(state, "state");
        List<LogLine> lines = new ArrayList<>();
        LogSink sink = logSink == null ? backend::log : logSink;
        Log log = new Log((level, message) -> {
            lines.add(new LogLine(level, message));
            sink.write(level, message);
        });
        boolean restricted = !isAction && RESTRICTED_HOOKS.contains(hook);
        log.info("Reactive main running for " + (isAction ? "action " : "hook ") + hook);
        if (restricted) {
            log.info("Restricted mode.");
        }
        HookSession session = null;
        try {
            if (isAction && !handledActions.contains(hook)) {
                return refuseAction(backend, hook, state, log, lines, "action " + hook + " has no handler in this "
                        + "charm: add @Action(\"" + hook + "\") to a handler method. " + (handledActions.isEmpty()
                        ? "No action has a handler." : "Actions with handlers: " + String.join(", ", handledActions)));
            }
            ActionContext actionContext = null;
            if (isAction) {
                Map<String, Object> params = backend.actionGet();
                ActionSpec spec = actions.get(hook);
                try {
                    actionContext = new ActionContext(hook, spec == null ? params : spec.validate(params), backend);
                } catch (ActionParamsException e) {
                    return refuseAction(backend, hook, state, log, lines, e.getMessage());
                }
            }
            UnitState unitState = UnitState.fromJson(state);
            session = new HookSession(hook, restricted, isAction, backend, unitState, log, files, services);
            HookSession s = session;
            Flags flags = s.flags();
            Config config = new Config(configOptions, backend.configGet(), unitState.previousConfig());
            Leadership leadership = new Leadership(backend, flags);
            s.addService(Config.class, config);
            s.addService(Leadership.class, leadership);
            s.addService(Status.class, new Status(backend, leadership::isLeader));
            s.addService(DataChanged.class, new DataChanged(unitState));
            if (actionContext != null) {
                s.addService(ActionContext.class, actionContext);
            }
            Tracer tracer = tracing ? new LogTracer(log, () -> dispatcher.queue(s).stream().map(h -> h.displayName).toList())
                    : Tracer.NONE;
            for (Trigger trigger : triggers) {
                flags.registerTrigger(trigger);
            }
            if (!restricted) {
                if (isAction) {
                    ConfigFlags.atStartOfAction(config, flags);
                } else {
                    ConfigFlags.atStart(config, flags);
                }
                s.tracer(tracer);
                if (hook.equals("pre-series-upgrade")) {
                    flags.set(SERIES_UPGRADE_FLAG);
                } else if (hook.equals("post-series-upgrade")) {
                    flags.clear(SERIES_UPGRADE_FLAG);
                }
                for (HookExtension extension : extensions) {
                    extension.atStart(s);
                }
                if (leadershipFlagsWatched) {
                    LeadershipFlags.atStart(leadership, flags, unitState);
                }
            }
            s.tracer(tracer);
            var report = dispatcher.dispatch(s);
            tracer.endDispatch();
            s.tracer(Tracer.NONE);
            if (!restricted) {
                for (int i = extensions.size() - 1; i >= 0; i--) {
                    extensions.get(i).atExit(s);
                }
                LeadershipFlags.atExit(leadership, unitState);
                flags.clearTriggers();
                if (isAction) {
                    ConfigFlags.clear(config, flags);
                } else {
                    ConfigFlags.atExit(config, flags, unitState);
                }
            }
            JsonObject newState = unitState.toJson();
            commit.accept(newState.deepCopy());
            if (!restricted) {
                publish(leadership, s, commit, state);
            }
            return new HookOutcome(hook, newState, s.invoked(), lines, report);
        } catch (RuntimeException e) {
            String handler = e instanceof HandlerFailure f ? f.handler() : null;
            Throwable cause = e instanceof HandlerFailure ? e.getCause() : e;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            log.log(LogLevel.ERROR, "Hook error:\n" + trace.toString().stripTrailing());
            throw new HookFailedException(hook, handler, cause, lines, session == null ? List.of() : session.invoked());
        }
    }

    /** Publishes leader settings and extension data; on failure commits {@code before} again and rethrows. */
    private void publish(Leadership leadership, HookSession session, Consumer<JsonObject> commit, JsonObject before) {
        try {
            LeadershipFlags.publish(leadership);
            for (HookExtension extension : extensions) {
                extension.publish(session);
            }
        } catch (RuntimeException e) {
            try {
                commit.accept(before.deepCopy());
            } catch (RuntimeException restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
    }

    private static HookOutcome refuseAction(JujuBackend backend, String action, JsonObject state, Log log,
            List<LogLine> lines, String message) {
        log.log(LogLevel.ERROR, message);
        backend.actionFail(message);
        return new HookOutcome(action, state, List.of(), lines, Optional.empty());
    }

    /** Configures a {@link HookRunner}. Defaults: no relations, no config options, cap 100 with a warning. */
    public static final class Builder {
        private final HandlerSet handlers;
        private List<RelationDeclaration> relations = List.of();
        private List<ConfigOption> configOptions = List.of();
        private Map<String, ActionSpec> actions = Map.of();
        private final Map<Class<?>, Supplier<?>> services = new LinkedHashMap<>();
        private final List<ParameterResolver> resolvers = new ArrayList<>();
        private ClassLoader serviceLoader = Thread.currentThread().getContextClassLoader();
        private boolean loadResolvers = true;
        private final List<HookExtension> extensions = new ArrayList<>();
        private final List<HandlerBinder> binders = new ArrayList<>();
        private final List<Trigger> triggers = new ArrayList<>();
        private int iterationCap = 100;
        private boolean failOnCap;
        private FileDigests files = FileDigests.under(Path.of(""));
        private LogSink logSink;
        private boolean tracing = true;

        private Builder(HandlerSet handlers) {
            this.handlers = Objects.requireNonNull(handlers, "handlers");
        }

        /** The relations of {@code metadata.yaml}, for {@code {role:interface}} hook patterns. */
        public Builder relations(List<RelationDeclaration> relations) {
            this.relations = List.copyOf(relations);
            return this;
        }

        /** The options of {@code config.yaml}, in file order (see {@link dev.charms.reactive.config.ConfigYaml}). */
        public Builder configOptions(List<ConfigOption> options) {
            this.configOptions = List.copyOf(options);
            return this;
        }

        /**
         * The actions of {@code actions.yaml} by name (see {@link dev.charms.reactive.action.ActionsYaml}), whose
         * parameters {@link #runAction} checks; an action not among them runs with its parameters unchecked.
         */
        public Builder actions(Map<String, ActionSpec> actions) {
            this.actions = Map.copyOf(actions);
            return this;
        }

        /**
         * Makes {@code type} injectable into handlers and visible to extensions through
         * {@link dev.charms.reactive.spi.HookContext#service}: {@code factory} creates the instance on first use in
         * each hook, and every handler of that hook gets that one. For the host helpers and the hook environment,
         * which {@code Main} builds over the real machine and tests over stubs. The type must not be one the
         * runtime already provides, and must carry {@link dev.charms.reactive.Injectable}.
         */
        public <T> Builder service(Class<T> type, Supplier<? extends T> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(factory, "factory");
            if (services.putIfAbsent(type, factory) != null) {
                throw new IllegalArgumentException(type.getName() + " was given to HookRunner.Builder.service twice");
            }
            return this;
        }

        /** Adds a parameter resolver, consulted with the runtime's own and the ServiceLoader ones. */
        public Builder resolver(ParameterResolver resolver) {
            resolvers.add(Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        /**
         * Where to look for {@code META-INF/services} lists: of {@code dev.charms.reactive.spi.ParameterResolver}
         * (unless {@link #recordedResolvers} gave them) and of the {@code @Injectable} interfaces a charm implements;
         * null to look nowhere. Default: the thread's context class loader.
         */
        public Builder serviceLoader(ClassLoader loader) {
            this.serviceLoader = loader;
            return this;
        }

        /**
         * The parameter resolvers the class path lists, found earlier (the bootstrap records them): added as they
         * are, and the class path is not searched for them again.
         */
        public Builder recordedResolvers(List<ParameterResolver> recorded) {
            recorded.forEach(this::resolver);
            this.loadResolvers = false;
            return this;
        }

        /** Adds an extension; they run in the order added (see {@link HookExtension}). */
        public Builder extension(HookExtension extension) {
            extensions.add(Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /**
         * Adds a binder, asked in the order added how to bind each handler (see {@link HandlerBinder}); endpoints
         * use one to run an endpoint class's handlers once per endpoint name.
         */
        public Builder binder(HandlerBinder binder) {
            binders.add(Objects.requireNonNull(binder, "binder"));
            return this;
        }

        /** Adds a trigger registered at the very start of every hook, before any automatic flag is set. */
        public Builder trigger(Trigger trigger) {
            triggers.add(Objects.requireNonNull(trigger, "trigger"));
            return this;
        }

        /** How many iterations the flag loop may run (default 100). */
        public Builder iterationCap(int cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("the iteration cap must be at least 1, not " + cap);
            }
            this.iterationCap = cap;
            return this;
        }

        /**
         * Whether hitting the iteration cap fails the hook ({@link IterationCapExceededException}) instead of
         * logging a WARNING and committing. The harness fails; production warns (the default).
         */
        public Builder failOnIterationCap(boolean fail) {
            this.failOnCap = fail;
            return this;
        }

        /** How {@code @WhenFileChanged} files are hashed; default: on disk, relative to the working directory. */
        public Builder files(FileDigests files) {
            this.files = Objects.requireNonNull(files, "files");
            return this;
        }

        /** Where log lines go; default: the backend's {@code juju-log}. */
        public Builder logSink(LogSink sink) {
            this.logSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Whether to write the dispatch trace at DEBUG (default true). */
        public Builder tracing(boolean tracing) {
            this.tracing = tracing;
            return this;
        }

        /** Builds the runner; handlers are bound and hook patterns expanded once, here. */
        public HookRunner build() {
            return new HookRunner(this);
        }
    }
}
