package dev.charms.reactive.juju;

import dev.charms.reactive.Injectable;
import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.juju.HookEnvironmentException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The hook Juju is running, as its environment variables describe it: which hook or action, which unit, the
 * charm's directory, and for relation, action, storage, secret and workload hooks what they are about.
 * Immutable; built once per hook by {@link #of(Map)}.
 *
 * <p>Required: {@code JUJU_DISPATCH_PATH} ({@code hooks/<hook>} or {@code actions/<action>}; the hook or
 * action name is its last part), {@code JUJU_UNIT_NAME} ({@code app/N}) and {@code JUJU_CHARM_DIR} (or the
 * legacy {@code CHARM_DIR}). A relation hook also needs {@code JUJU_RELATION_ID} of the hook's endpoint.
 * Everything else is optional, and a variable set to the empty string counts as unset (Juju exports some
 * empty, such as {@code JUJU_REMOTE_UNIT} in {@code -relation-created}). Variables that are set are checked
 * for form ({@code JUJU_VERSION}, {@code JUJU_REMOTE_UNIT}, ...) and for agreement ({@code JUJU_HOOK_NAME}
 * with the dispatch path, {@code JUJU_RELATION} with the relation id). All problems are collected and
 * reported at once in a {@link HookEnvironmentException}.
 *
 * <p>Handlers may take it as a parameter, to read what the running hook is about ({@code remoteUnit()},
 * {@code relationId()}, {@code targetBase()}, ...).
 *
 * <p>Accessors never return null; optional values are {@link Optional}.
 */
@Injectable
public final class HookEnvironment {
    // Regular expressions are compiled only for the variables that are set (most are not, in most hooks).
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String BASE = "[a-z][a-z0-9-]*@[0-9][0-9.]*(?:/[a-z]+)?";
    private static final String STORAGE_ID = "[a-z][a-z0-9-]*/(0|[1-9][0-9]*)";
    private static final String STORAGE_KIND = "block|filesystem";
    /** What a base looks like, for error messages: {@code <os>@<channel>, such as ubuntu@24.04}. */
    public static final String BASE_EXPECTED = "<os>@<channel>, such as ubuntu@24.04";

    private final Map<String, String> variables;
    private final String dispatchPath;
    private final HookName hookName;
    private final UnitName unit;
    private final Path charmDir;
    private final Optional<String> relation;
    private final Optional<RelationId> relationId;
    private final Optional<String> remoteApp;
    private final Optional<UnitName> remoteUnit;
    private final Optional<UnitName> departingUnit;
    private final Optional<String> actionUuid;
    private final Optional<String> modelName;
    private final Optional<String> modelUuid;
    private final Optional<JujuVersion> jujuVersion;
    private final Optional<String> targetBase;
    private final Optional<String> targetSeries;
    private final Optional<String> storageId;
    private final Optional<Path> storageLocation;
    private final Optional<String> storageKind;
    private final Optional<UnitName> principalUnit;
    private final Optional<Integer> secretRevision;

    private HookEnvironment(Reader in) {
        this.variables = in.variables;
        this.unit = in.unit("JUJU_UNIT_NAME", true).orElse(null);
        this.charmDir = in.value("JUJU_CHARM_DIR").or(() -> in.value("CHARM_DIR")).map(Path::of).orElse(null);
        if (charmDir == null) {
            in.problem("JUJU_CHARM_DIR", Optional.empty(), "the charm's directory (older Juju sets CHARM_DIR)");
        }
        this.dispatchPath = in.value("JUJU_DISPATCH_PATH").orElse("");
        this.hookName = in.parsed("JUJU_DISPATCH_PATH", HookEnvironment::parseDispatchPath,
                "hooks/<hook> or actions/<action>, such as hooks/install", true).orElse(null);
        this.relationId = in.parsed("JUJU_RELATION_ID", RelationId::parse, RelationId.EXPECTED, false);
        this.relation = in.value("JUJU_RELATION");
        this.remoteUnit = in.unit("JUJU_REMOTE_UNIT", false);
        this.remoteApp = in.parsed("JUJU_REMOTE_APP", HookEnvironment::applicationName, "an application name", false)
                .or(() -> remoteUnit.map(UnitName::application));
        this.departingUnit = in.unit("JUJU_DEPARTING_UNIT", false);
        this.actionUuid = in.value("JUJU_ACTION_UUID");
        this.modelName = in.value("JUJU_MODEL_NAME");
        this.modelUuid = in.matching("JUJU_MODEL_UUID", UUID, "a UUID such as 0b6a8bd4-0000-4d0c-8b2e-7a4d2c0e9f3a");
        this.jujuVersion = in.parsed("JUJU_VERSION", JujuVersion::parse, JujuVersion.EXPECTED, false);
        this.targetBase = in.matching("JUJU_TARGET_BASE", BASE, BASE_EXPECTED);
        this.targetSeries = in.value("JUJU_TARGET_SERIES");
        this.storageId = in.matching("JUJU_STORAGE_ID", STORAGE_ID, "<storage>/<number>, such as data/0");
        this.storageLocation = in.value("JUJU_STORAGE_LOCATION").map(Path::of);
        this.storageKind = in.matching("JUJU_STORAGE_KIND", STORAGE_KIND, "block or filesystem");
        this.principalUnit = in.unit("JUJU_PRINCIPAL_UNIT", false);
        this.secretRevision = in.parsed("JUJU_SECRET_REVISION", HookEnvironment::positive, "a number above 0", false);
        if (hookName != null) {
            checkAgreement(in);
        }
        in.throwIfProblems();
    }

    /**
     * Reads the hook environment from {@code environment} ({@link System#getenv()} in production).
     *
     * @throws HookEnvironmentException listing every missing or malformed variable
     */
    public static HookEnvironment of(Map<String, String> environment) {
        return new HookEnvironment(new Reader(environment));
    }

    /** Reads the JVM's own environment; see {@link #of(Map)}. */
    public static HookEnvironment fromSystem() {
        return of(System.getenv());
    }

    private void checkAgreement(Reader in) {
        String name = hookName.name();
        if (hookName.kind() == HookKind.ACTION) {
            in.agree("JUJU_ACTION_NAME", name, "the action named by JUJU_DISPATCH_PATH (" + name + ")");
        } else {
            in.agree("JUJU_HOOK_NAME", name, "the hook named by JUJU_DISPATCH_PATH (" + name + ")");
        }
        Optional<String> endpoint = hookName.endpoint();
        if (endpoint.isPresent()) {
            String expected = "a relation id of endpoint " + endpoint.get() + ", which hook " + name + " is about";
            if (relationId.isEmpty() && in.value("JUJU_RELATION_ID").isEmpty()) {
                in.problem("JUJU_RELATION_ID", Optional.empty(), expected);
            }
            relationId.filter(id -> !id.endpoint().equals(endpoint.get()))
                    .ifPresent(id -> in.problem("JUJU_RELATION_ID", Optional.of(id.toString()), expected));
            in.agree("JUJU_RELATION", endpoint.get(), "the endpoint hook " + name + " is about (" + endpoint.get() + ")");
        } else {
            relationId.ifPresent(id -> in.agree("JUJU_RELATION", id.endpoint(),
                    "the endpoint of JUJU_RELATION_ID (" + id.endpoint() + ")"));
        }
        remoteUnit.ifPresent(remote -> in.agree("JUJU_REMOTE_APP", remote.application(),
                "the application of JUJU_REMOTE_UNIT (" + remote.application() + ")"));
    }

    private static HookName parseDispatchPath(String text) {
        Path path = Path.of(text);
        Path parent = path.getParent();
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (parent == null || parent.getFileName() == null || name.isEmpty()) {
            throw new IllegalArgumentException(text);
        }
        switch (parent.getFileName().toString()) {
            case "hooks":
                return HookName.ofHook(name);
            case "actions":
                return HookName.ofAction(name);
            default:
                throw new IllegalArgumentException(text);
        }
    }

    private static String applicationName(String text) {
        if (!UnitName.isApplicationName(text)) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private static Integer positive(String text) {
        int value = Integer.parseInt(text);
        if (value <= 0) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    /**
     * The hook or action name, checking that a relation hook is about an endpoint {@code metadata.yaml}
     * declares.
     *
     * @param declaredEndpoints every endpoint name of the charm (provides, requires and peers)
     * @throws HookEnvironmentException naming the dispatch path and the declared endpoints, with the nearest
     *     one as a hint, when the hook's endpoint is not among them
     */
    public HookName hookName(Collection<String> declaredEndpoints) {
        Optional<String> endpoint = hookName.endpoint();
        if (endpoint.isPresent() && !declaredEndpoints.contains(endpoint.get())) {
            String nearest = declaredEndpoints.stream()
                    .min(Comparator.comparingInt(candidate -> Suggestions.distance(candidate, endpoint.get())))
                    .map(candidate -> "; did you mean " + candidate + "?")
                    .orElse("; metadata.yaml declares no endpoints");
            throw new HookEnvironmentException(List.of(new Problem("JUJU_DISPATCH_PATH", Optional.of(dispatchPath),
                    "a relation hook of an endpoint declared in metadata.yaml " + new TreeSet<>(declaredEndpoints)
                            + ", but " + endpoint.get() + " is not one" + nearest)));
        }
        return hookName;
    }

    /** The hook or action name and what it is about; see {@link #hookName(Collection)} to also check the endpoint. */
    public HookName hookName() {
        return hookName;
    }

    /** The kind of hook, {@link HookKind#ACTION} for an action. */
    public HookKind kind() {
        return hookName.kind();
    }

    /** True for {@code <endpoint>-relation-*} hooks. */
    public boolean isRelationHook() {
        return hookName.kind().isRelation();
    }

    /** True when running an action rather than a hook. */
    public boolean isAction() {
        return hookName.kind() == HookKind.ACTION;
    }

    /** {@code JUJU_DISPATCH_PATH}, such as {@code hooks/install} or {@code actions/backup}. */
    public String dispatchPath() {
        return dispatchPath;
    }

    /** {@code JUJU_UNIT_NAME}: the unit running this hook. */
    public UnitName unit() {
        return unit;
    }

    /** The application of {@link #unit()}. */
    public String application() {
        return unit.application();
    }

    /** {@code JUJU_CHARM_DIR}, or {@code CHARM_DIR} on older Juju: where the charm is unpacked. */
    public Path charmDir() {
        return charmDir;
    }

    /** {@code JUJU_RELATION}, or the endpoint of the relation hook when unset: the local endpoint's name. */
    public Optional<String> relation() {
        return relation.or(() -> relationId.map(RelationId::endpoint));
    }

    /** {@code JUJU_RELATION_ID}: the relation of a relation hook, such as {@code db:3}. */
    public Optional<RelationId> relationId() {
        return relationId;
    }

    /** {@code JUJU_REMOTE_UNIT}: the remote unit of a joined, changed or departed hook (empty for app-data changes). */
    public Optional<UnitName> remoteUnit() {
        return remoteUnit;
    }

    /** {@code JUJU_REMOTE_APP}, or the application of {@code JUJU_REMOTE_UNIT} on Juju versions without it. */
    public Optional<String> remoteApp() {
        return remoteApp;
    }

    /** {@code JUJU_DEPARTING_UNIT}: the unit leaving, in {@code -relation-departed}. */
    public Optional<UnitName> departingUnit() {
        return departingUnit;
    }

    /** The action's name when running an action (from the dispatch path, checked against {@code JUJU_ACTION_NAME}). */
    public Optional<String> actionName() {
        return isAction() ? Optional.of(hookName.name()) : Optional.empty();
    }

    /** {@code JUJU_ACTION_UUID}: the running action's id (a UUID on Juju 2, a number on Juju 3). */
    public Optional<String> actionUuid() {
        return actionUuid;
    }

    /** {@code JUJU_MODEL_NAME}. */
    public Optional<String> modelName() {
        return modelName;
    }

    /** {@code JUJU_MODEL_UUID}. */
    public Optional<String> modelUuid() {
        return modelUuid;
    }

    /** {@code JUJU_VERSION}: the unit agent's version (unset in {@code meter-status-changed}). */
    public Optional<JujuVersion> jujuVersion() {
        return jujuVersion;
    }

    /**
     * {@code JUJU_TARGET_BASE}: the base a series upgrade goes to, such as {@code ubuntu@24.04}; Juju sets it in
     * {@code pre-series-upgrade} only.
     */
    public Optional<String> targetBase() {
        return targetBase;
    }

    /** Whether {@code value} is a base as Juju writes one ({@code ubuntu@24.04}, {@code ubuntu@22.04/stable}). */
    public static boolean isBase(String value) {
        return Pattern.matches(BASE, value);
    }

    /** {@code JUJU_TARGET_SERIES}: the series a series upgrade goes to, on Juju 2 ({@code jammy}). */
    public Optional<String> targetSeries() {
        return targetSeries;
    }

    /** {@code JUJU_WORKLOAD_NAME}: the container of a Kubernetes workload hook. */
    public Optional<String> workloadName() {
        return variable("JUJU_WORKLOAD_NAME");
    }

    /** {@code JUJU_STORAGE_ID}: the storage instance of a storage hook, such as {@code data/0}. */
    public Optional<String> storageId() {
        return storageId;
    }

    /** {@code JUJU_STORAGE_LOCATION}: where that storage is mounted or attached. */
    public Optional<Path> storageLocation() {
        return storageLocation;
    }

    /** {@code JUJU_STORAGE_KIND}: {@code block} or {@code filesystem}. */
    public Optional<String> storageKind() {
        return storageKind;
    }

    /** {@code JUJU_AVAILABILITY_ZONE}. */
    public Optional<String> availabilityZone() {
        return variable("JUJU_AVAILABILITY_ZONE");
    }

    /** {@code JUJU_PRINCIPAL_UNIT}: for a subordinate, the unit it is attached to. */
    public Optional<UnitName> principalUnit() {
        return principalUnit;
    }

    /** {@code JUJU_MACHINE_ID}. */
    public Optional<String> machineId() {
        return variable("JUJU_MACHINE_ID");
    }

    /** {@code JUJU_METER_STATUS} (metered charms, older Juju). */
    public Optional<String> meterStatus() {
        return variable("JUJU_METER_STATUS");
    }

    /** {@code JUJU_METER_INFO} (metered charms, older Juju). */
    public Optional<String> meterInfo() {
        return variable("JUJU_METER_INFO");
    }

    /** {@code JUJU_SECRET_ID}: the secret of a secret hook. */
    public Optional<String> secretId() {
        return variable("JUJU_SECRET_ID");
    }

    /** {@code JUJU_SECRET_LABEL}. */
    public Optional<String> secretLabel() {
        return variable("JUJU_SECRET_LABEL");
    }

    /** {@code JUJU_SECRET_REVISION}: set in {@code secret-remove} and {@code secret-expired}. */
    public Optional<Integer> secretRevision() {
        return secretRevision;
    }

    /** {@code JUJU_CONTEXT_ID}: the id hook tools use to reach the agent. */
    public Optional<String> contextId() {
        return variable("JUJU_CONTEXT_ID");
    }

    /**
     * Any Juju variable ({@code JUJU_*}, {@code CHARM_DIR}) by name, such as {@code JUJU_NOTICE_KEY} or
     * {@code JUJU_PEBBLE_CHECK_NAME}; empty when unset or set to the empty string.
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The non-empty Juju variables ({@code JUJU_*}, {@code CHARM_DIR}), sorted by name. */
    public Map<String, String> variables() {
        return variables;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HookEnvironment that && variables.equals(that.variables);
    }

    @Override
    public int hashCode() {
        return variables.hashCode();
    }

    /** The hook and unit, for logs: {@code install on hello/0}. */
    @Override
    public String toString() {
        return (isAction() ? "action " : "") + hookName + " on " + unit;
    }

    /** Reads variables and collects what is wrong with them. */
    private static final class Reader {
        private final Map<String, String> variables;
        private final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, String> environment) {
            Map<String, String> juju = new TreeMap<>();
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                String name = variable.getKey();
                if ((name.startsWith("JUJU_") || name.equals("CHARM_DIR")) && !variable.getValue().isEmpty()) {
                    juju.put(name, variable.getValue());
                }
            }
            this.variables = java.util.Collections.unmodifiableMap(juju);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(variables.get(name));
        }

        <T> Optional<T> parsed(String name, Function<String, T> parser, String expected, boolean required) {
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                if (required) {
                    problem(name, text, expected);
                }
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(text.get()));
            } catch (IllegalArgumentException malformed) {
                problem(name, text, expected);
                return Optional.empty();
            }
        }

        Optional<UnitName> unit(String name, boolean required) {
            return parsed(name, UnitName::parse, UnitName.EXPECTED, required);
        }

        Optional<String> matching(String name, String regex, String expected) {
            return parsed(name, text -> {
                if (!Pattern.matches(regex, text)) {
                    throw new IllegalArgumentException(text);
                }
                return text;
            }, expected, false);
        }

        /** A problem unless {@code name} is unset or has the value {@code wanted}. */
        void agree(String name, String wanted, String expected) {
            value(name).filter(actual -> !actual.equals(wanted)).ifPresent(actual -> problem(name, Optional.of(actual), expected));
        }

        void problem(String name, Optional<String> value, String expected) {
            problems.add(new Problem(name, value, expected));
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new HookEnvironmentException(problems);
            }
        }
    }
}
